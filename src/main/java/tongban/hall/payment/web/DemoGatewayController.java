package tongban.hall.payment.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import tools.jackson.databind.json.JsonMapper;

import tongban.hall.payment.PaymentCallback;
import tongban.hall.payment.PaymentOrder;
import tongban.hall.payment.PaymentOrders;
import tongban.hall.payment.PaymentStatus;
import tongban.hall.payment.internal.DemoGateway;
import tongban.shared.Clocks;
import tongban.shared.DomainException;

/**
 * The demo bank's cashier (演示收银台): shows what an order asks for and, on 确认支付, sends the gateway's signed callback
 * to the platform over HTTP as a bank's server would, then returns the person to their order. It says clearly that no
 * money moves.
 */
@Controller
class DemoGatewayController {

	private final PaymentOrders orders;
	private final DemoGateway gateway;
	private final JsonMapper json;
	private final Clock clock;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	DemoGatewayController(PaymentOrders orders, DemoGateway gateway, JsonMapper json, Clock clock) {
		this.orders = orders;
		this.gateway = gateway;
		this.json = json;
		this.clock = clock;
	}

	@GetMapping("/demo-gateway/pay/{notice}")
	String cashier(@PathVariable String notice, Model model) {
		model.addAttribute("order", order(notice));
		return "hall/payment/gateway";
	}

	@PostMapping("/demo-gateway/pay/{notice}")
	String pay(@PathVariable String notice, HttpServletRequest request, Model model) throws InterruptedException {
		PaymentOrder order = order(notice);
		if (order.status() != PaymentStatus.UNPAID) {
			model.addAttribute("order", order);
			return "hall/payment/gateway";
		}
		PaymentCallback callback = gateway.paid(order, OffsetDateTime.now(clock.withZone(Clocks.ZONE)).toString());
		int status;
		try {
			HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + request.getLocalPort()
					+ request.getContextPath() + "/api/hall/payments/callback"))
				.timeout(Duration.ofSeconds(10))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(callback)))
				.build(), HttpResponse.BodyHandlers.discarding());
			status = answer.statusCode();
		}
		catch (IOException e) {
			status = 503;
		}
		if (status != 200) {
			model.addAttribute("order", orders.byNotice(notice).orElse(order));
			model.addAttribute("failed", true);
			return "hall/payment/gateway";
		}
		return "redirect:/account/payments/" + notice + "?paid";
	}

	private PaymentOrder order(String notice) {
		return orders.byNotice(notice).filter(o -> o.status() != PaymentStatus.AWAITING_CHOICE)
			.orElseThrow(() -> DomainException.notFound("payment order"));
	}
}
