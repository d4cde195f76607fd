/**
 * Checks of the deployment files against each other and against the application: the compose stack, the Dapr
 * components, the Helm chart rendered by real Helm, and the Argo CD applications. Nothing here runs a container; what
 * cannot run on the build machine is kept honest by parsing it.
 */
package io.taskflow.deploy;
