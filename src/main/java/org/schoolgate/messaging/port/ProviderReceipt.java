package org.schoolgate.messaging.port;

import org.schoolgate.messaging.domain.DeliveryStatus;

/**
 * What a provider says about one message, in our vocabulary, with its own words kept beside for
 * support staff: the raw status ("undelivered") and error code ("30003").
 */
public record ProviderReceipt(String reference, DeliveryStatus status, String providerStatus, String errorCode, String detail) {}
