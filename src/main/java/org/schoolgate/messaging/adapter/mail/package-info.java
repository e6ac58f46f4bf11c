/** Sends email through a Jakarta Mail session (an SMTP server) and turns its replies into delivery failure kinds. */
package org.schoolgate.messaging.adapter.mail;
