/** Users: registration, credentials, login throttling and the use cases around them. */
package io.taskflow.core.user;
