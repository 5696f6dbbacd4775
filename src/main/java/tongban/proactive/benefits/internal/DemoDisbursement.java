package tongban.proactive.benefits.internal;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import tongban.proactive.benefits.Disbursement;

/**
 * The demo disbursement: takes every order and pays nothing. The hand-over is recorded on the order (disbursement
 * "demo", a reference DEMO-…) and the staff's payments page says that no money moved. Used unless
 * {@code tongban.proactive.disbursement.kind=finance-bureau}.
 */
@Component
@ConditionalOnProperty(name = "tongban.proactive.disbursement.kind", havingValue = "demo", matchIfMissing = true)
class DemoDisbursement implements Disbursement {

	private static final Logger LOG = LoggerFactory.getLogger(DemoDisbursement.class);

	@Override
	public String handOver(Instruction instruction) {
		String reference = "DEMO-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		LOG.info("payment order handed over to the demo disbursement order={} department={} reference={}", instruction.orderId(),
				instruction.departmentCode(), reference);
		return reference;
	}

	@Override
	public String name() {
		return "demo";
	}

	@Override
	public boolean demo() {
		return true;
	}
}
