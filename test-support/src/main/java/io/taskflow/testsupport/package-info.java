/**
 * Test support shared by the modules' test suites (always a test-scope dependency): a PostgreSQL database per test
 * JVM, free ports, the repository's files and its parsed Terraform.
 */
package io.taskflow.testsupport;
