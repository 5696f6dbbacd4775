package tongban.hall.payment.web;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import tongban.hall.payment.PaymentCallback;
import tongban.hall.payment.PaymentOrders;
import tongban.shared.DomainException;

/**
 * The payment gateway's callback: public, because the signature it carries is what is checked. A refused callback is
 * recorded before the refusal is answered (problem+json with the reason's code), and the order stays as it was.
 */
@RestController
@Tag(name = "payments", description = "网上缴费：支付平台的到账通知")
class PaymentCallbackApiController {

	private final PaymentOrders orders;

	PaymentCallbackApiController(PaymentOrders orders) {
		this.orders = orders;
	}

	@Operation(summary = "The gateway's signed notice that an order was paid (HMAC-SHA256 over the canonical fields)")
	@ApiResponse(responseCode = "200", description = "The order is paid")
	@ApiResponse(responseCode = "403", description = "hall-payment-signature: the signature is not the gateway's")
	@ApiResponse(responseCode = "404", description = "hall-payment-unknown: no order has this notice number")
	@ApiResponse(responseCode = "409", description = "hall-payment-replayed or hall-payment-state: already accepted, or the order is not unpaid")
	@ApiResponse(responseCode = "422", description = "hall-payment-malformed or hall-payment-amount: unreadable fields, or not the order's amount")
	@PostMapping(path = "/api/hall/payments/callback", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, String> callback(@RequestBody PaymentCallback callback) {
		orders.settle(callback).ifPresent(refusal -> {
			DomainException.Kind kind = switch (refusal) {
				case MALFORMED, AMOUNT -> DomainException.Kind.INVALID;
				case SIGNATURE -> DomainException.Kind.FORBIDDEN;
				case UNKNOWN -> DomainException.Kind.NOT_FOUND;
				case REPLAYED, STATE -> DomainException.Kind.CONFLICT;
			};
			throw new DomainException(kind, refusal.code(), "payment callback refused");
		});
		return Map.of("status", "PAID", "noticeNumber", callback.noticeNumber());
	}
}
