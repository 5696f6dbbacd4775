package tongban.proactive.benefits.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import tongban.proactive.benefits.Disbursement;

/**
 * The finance bureau's payment system (国库集中支付): each order posted as JSON to
 * {@code tongban.proactive.disbursement.url} with the bureau's bearer token; the answer's {@code reference} is kept. A
 * 4xx answer refuses the order for good; anything else (5xx, timeouts) leaves it CREATED for the next sweep.
 */
@Component
@ConditionalOnProperty(name = "tongban.proactive.disbursement.kind", havingValue = "finance-bureau")
class FinanceBureauDisbursement implements Disbursement {

	private final RestClient http;

	FinanceBureauDisbursement(RestClient.Builder builder, @Value("${tongban.proactive.disbursement.url}") String url,
			@Value("${tongban.proactive.disbursement.token:}") String token) {
		this.http = builder.baseUrl(url).defaultHeader("Authorization", "Bearer " + token).build();
	}

	@Override
	public String handOver(Instruction instruction) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("orderId", instruction.orderId().toString());
		body.put("department", instruction.departmentCode());
		body.put("purpose", instruction.policyName());
		body.put("amount", instruction.amount().toPlainString());
		body.put("period", instruction.period());
		body.put("payeeName", instruction.payeeName());
		body.put("bankAccount", instruction.bankAccount());
		try {
			Map<?, ?> answer = http.post().contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(Map.class);
			Object reference = answer == null ? null : answer.get("reference");
			return reference == null ? instruction.orderId().toString() : reference.toString();
		}
		catch (HttpClientErrorException refused) {
			throw new Refused("finance bureau refused: " + refused.getStatusCode().value());
		}
	}

	@Override
	public String name() {
		return "finance-bureau";
	}

	@Override
	public boolean demo() {
		return false;
	}
}
