/** The local replay: a captured trigger payload run through a handler on this machine, with its cold-start timings. */
package io.taskflow.adapters.aws.replay;
