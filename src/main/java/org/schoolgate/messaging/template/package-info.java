/** Message wording loaded from message-templates/, rendered strictly for preview and sending alike. */
package org.schoolgate.messaging.template;
