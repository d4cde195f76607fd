/** The local replay: a captured invocation's binding data run through its function on this machine. */
package io.taskflow.adapters.azure.replay;
