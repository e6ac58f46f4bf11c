/** The messaging engine over HTTP: sending and reading messages, and the SMS provider's callbacks. */
package org.schoolgate.messaging.rest;
