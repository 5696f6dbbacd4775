package tongban.hall.payment.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import tongban.casework.CaseStatus;
import tongban.casework.CaseView;
import tongban.casework.FeeClearance;
import tongban.catalog.Capability;
import tongban.catalog.CapabilityProvider;
import tongban.catalog.CatalogManagement;
import tongban.catalog.ServiceGuide;
import tongban.hall.payment.FeeRules;
import tongban.hall.payment.PaymentGateway;
import tongban.hall.payment.PaymentOrders;

/**
 * 可网上缴费 as the catalogue and casework see it: the badge shows for an item with a readable amount while a gateway is
 * configured, leading to the item's payment page; a case's fee is its order (or, for the moment between submission and
 * the order's opening, a fee still due).
 */
@Component
class OnlinePayment implements CapabilityProvider, FeeClearance {

	private final PaymentOrders orders;
	private final CatalogManagement catalog;
	private final Optional<PaymentGateway> gateway;

	OnlinePayment(PaymentOrders orders, CatalogManagement catalog, Optional<PaymentGateway> gateway) {
		this.orders = orders;
		this.catalog = catalog;
		this.gateway = gateway;
	}

	@Override
	public Capability capability() {
		return Capability.ONLINE_PAYMENT;
	}

	@Override
	public boolean provides(ServiceGuide guide) {
		return gateway.isPresent() && FeeRules.readable(guide);
	}

	@Override
	public Optional<String> page(ServiceGuide guide) {
		return Optional.of("/hall/payments/items/" + guide.code());
	}

	@Override
	public Optional<Fee> feeOf(CaseView caseView) {
		return orders.ofCase(caseView.id().value())
			.map(o -> new Fee(o.noticeNumber(), o.amountText(), "hall.payment.status." + o.status(), o.status().due(),
					"/account/payments/" + o.noticeNumber()))
			.or(() -> caseView.status() == CaseStatus.DRAFT || caseView.status().finished() ? Optional.<Fee>empty()
					: catalog.version(caseView.itemCode(), caseView.itemVersion())
				.filter(PaymentOrders::chargedOnline)
				.map(g -> new Fee(null, "", "hall.payment.status.OPENING", true, "/account/payments")));
	}
}
