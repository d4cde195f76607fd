/** The live feed: each user's task events pushed to the connections that user holds open on this instance. */
package io.taskflow.functions.livefeed;
