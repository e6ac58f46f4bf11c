package org.schoolgate.messaging.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.schoolgate.messaging.adapter.twilio.TwilioSetup;
import org.schoolgate.messaging.adapter.twilio.TwilioWebhooks;
import org.schoolgate.messaging.application.DeliveryReceipts;
import org.schoolgate.messaging.application.InboundMessages;
import org.schoolgate.messaging.port.InboundSms;

/**
 * Where Twilio posts delivery receipts and texts from families. Thin on purpose: check the
 * signature against the configured public address, record, answer. A request that is not signed
 * by our Twilio account gets 403 and changes nothing.
 */
@Path("webhooks/twilio")
@Tag(name = "Provider callbacks")
public class TwilioWebhookResource {

  private static final Logger LOG = Logger.getLogger(TwilioWebhookResource.class.getName());

  @Inject TwilioSetup twilio;
  @Inject DeliveryReceipts receipts;
  @Inject InboundMessages inbound;

  @Inject
  @ConfigProperty(name = "schoolgate.public-url", defaultValue = "http://localhost:8080")
  String publicUrl;

  @POST
  @Path("status/{messageId}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(summary = "Twilio's delivery receipt for one of our messages (signed by Twilio)")
  public Response status(
      @PathParam("messageId") String messageId, MultivaluedMap<String, String> form, @HeaderParam("X-Twilio-Signature") String signature) {
    Map<String, String> params = flat(form);
    Optional<TwilioWebhooks> webhooks = genuine("status/" + messageId, params, signature);
    if (webhooks.isEmpty()) {
      return Response.status(Response.Status.FORBIDDEN).build();
    }
    UUID id;
    try {
      id = UUID.fromString(messageId);
    } catch (IllegalArgumentException e) {
      LOG.warning(() -> "A signed delivery receipt named no message of ours; ignored");
      return Response.noContent().build();
    }
    receipts.apply(id, webhooks.get().receiptOf(params));
    return Response.noContent().build();
  }

  @POST
  @Path("inbound")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(summary = "A text a family sent to the school's number (signed by Twilio); answers with TwiML")
  public Response inbound(MultivaluedMap<String, String> form, @HeaderParam("X-Twilio-Signature") String signature) {
    Map<String, String> params = flat(form);
    Optional<TwilioWebhooks> webhooks = genuine("inbound", params, signature);
    if (webhooks.isEmpty()) {
      return Response.status(Response.Status.FORBIDDEN).build();
    }
    InboundSms sms = webhooks.get().inboundOf(params);
    String reply = inbound.receive(sms.reference(), sms.fromE164(), sms.toE164(), sms.body(), InboundMessages.Keyword.valueOf(sms.keyword().name()));
    return Response.ok(webhooks.get().twiml(reply), MediaType.APPLICATION_XML).build();
  }

  private Optional<TwilioWebhooks> genuine(String path, Map<String, String> params, String signature) {
    Optional<TwilioWebhooks> webhooks = twilio.webhooks();
    String url = publicUrl.replaceAll("/+$", "") + "/api/v1/webhooks/twilio/" + path;
    if (webhooks.isEmpty() || !webhooks.get().isGenuine(url, params, signature)) {
      LOG.warning(() -> "Refused a Twilio callback to " + path + (signature == null ? " with no signature" : " with a signature that does not match"));
      return Optional.empty();
    }
    return webhooks;
  }

  private static Map<String, String> flat(MultivaluedMap<String, String> form) {
    Map<String, String> out = new HashMap<>();
    if (form != null) {
      form.forEach((k, v) -> out.put(k, v.isEmpty() ? "" : v.get(0)));
    }
    return out;
  }
}
