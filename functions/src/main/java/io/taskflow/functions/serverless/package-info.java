/**
 * What every serverless runtime (the AWS and Google Cloud functions) shares around its entry points: the one
 * application context of a function instance.
 */
package io.taskflow.functions.serverless;
