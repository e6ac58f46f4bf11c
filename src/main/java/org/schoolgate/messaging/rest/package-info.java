/** The messaging REST API: the communication log of pupils and families. */
package org.schoolgate.messaging.rest;
