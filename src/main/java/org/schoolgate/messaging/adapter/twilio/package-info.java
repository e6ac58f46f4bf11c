/**
 * Texts through Twilio: the SMS gateway, Twilio's statuses and errors in our words, and checks on the
 * status callbacks and replies Twilio posts back; the only package that talks to the Twilio SDK.
 */
package org.schoolgate.messaging.adapter.twilio;
