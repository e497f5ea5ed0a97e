package dev.storefront.functions.payment;

import dev.storefront.domain.ReservedKeys;
import dev.storefront.domain.auth.Principal;
import dev.storefront.domain.auth.Role;
import dev.storefront.platform.http.PrimingRequest;
import java.util.List;
import java.util.Set;

/**
 * What primes the payment routes before a SnapStart snapshot (see {@code ApiHandler}); paying and refunding
 * write, so neither is primed past its token check ({@code ApiHandler} primes that with a forged token):
 * <ul>
 *   <li>a payment that cannot exist, read as a shopper id no account can have (404);</li>
 *   <li>a webhook whose signature signs nothing (400): its signature check runs on the raw body, before
 *       anything is parsed or stored.</li>
 * </ul>
 */
final class PaymentPriming {

    private PaymentPriming() {
    }

    static List<PrimingRequest> primingRequests() {
        return List.of(
                PrimingRequest.route("GET /payments/{paymentId}").pathParameter("paymentId", ReservedKeys.ABSENT_ID)
                        .as(new Principal(ReservedKeys.ABSENT_ID, Set.of(Role.SHOPPER))).expect(404),
                PrimingRequest.route("POST /webhooks/payments")
                        .header("stripe-signature", "t=0,v1=" + "0".repeat(64))
                        .jsonBody("{\"id\":\"" + ReservedKeys.ABSENT_ID + "\",\"type\":\"charge.succeeded\"}")
                        .expect(400));
    }
}
