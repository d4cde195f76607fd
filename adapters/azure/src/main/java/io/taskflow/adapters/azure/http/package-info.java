/** The HTTP trigger: the whole API of DESIGN.md through Micronaut's Azure Functions HTTP adapter. */
package io.taskflow.adapters.azure.http;
