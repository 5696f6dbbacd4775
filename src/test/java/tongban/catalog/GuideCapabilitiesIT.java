package tongban.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.web.client.RestClient;

import tongban.support.IntegrationTest;

/**
 * Issue #16 point 6 and issue #20: no guide shows a 便民服务 badge for a service the platform does not provide, and the
 * item API publishes the same flags as the page's badges. Postal delivery exists where the item's application form
 * offers 免费邮寄; appointments, online payment and kiosks where the hall module provides them (GuideBadgesIT follows
 * every badge to its page).
 */
class GuideCapabilitiesIT extends IntegrationTest {

	@Autowired
	CatalogManagement catalog;

	private String page(String code) {
		return RestClient.create(url("")).get().uri("/items/{code}", code).retrieve().body(String.class);
	}

	/** Whether the application form really lets the applicant choose mailing and give an address. */
	private static boolean formOffersMailing(ServiceGuide g) {
		return g.applicationForm().fields().stream().anyMatch(f -> f.options().stream().anyMatch(o -> o.contains("邮寄")))
				&& g.applicationForm().fields().stream().anyMatch(f -> f.type() == FormDefinition.FieldType.ADDRESS);
	}

	@Test
	void noGuideShowsABadgeWhoseCapabilityIsAbsent() {
		List<ItemSummary> items = catalog.browse(ItemFilter.any(), Pageable.ofSize(1000)).getContent();
		assertThat(items).hasSizeGreaterThanOrEqualTo(60);
		for (ItemSummary item : items) {
			String html = page(item.code());
			String api = RestClient.create(url("")).get().uri("/api/items/{code}", item.code()).retrieve().body(String.class);
			for (Capability capability : Capability.values()) {
				boolean badge = html.contains("data-capability=\"" + capability.name() + "\"");
				String flag = switch (capability) {
					case APPOINTMENT -> "appointment";
					case DELIVERY -> "delivery";
					case ONLINE_PAYMENT -> "onlinePayment";
					case SELF_SERVICE -> "selfService";
				};
				assertThat(api).as(item.name() + " in the API: " + capability).contains("\"" + flag + "\":" + badge);
			}
			if (html.contains("可网上缴费")) {
				// hall's payment orders: the badge's page explains the item's fees and how to pay
				assertThat(RestClient.create(url("")).get().uri("/hall/payments/items/{code}", item.code()).retrieve().body(String.class))
					.as(item.name() + " promises online payment").contains("元");
			}
			if (html.contains("可快递送达")) {
				assertThat(formOffersMailing(catalog.published(item.code()).orElseThrow().guide()))
					.as(item.name() + " promises postal delivery").isTrue();
			}
		}
	}

	@Test
	void theIdCardShowsNoBadgeWhileTheCardWithItsMailingOptionKeepsDelivery() {
		assertThat(page("330106-QR-0002-02")).contains("居民身份证补领").doesNotContain("可快递送达").contains("可网上缴费");
		assertThat(page("330106-GG-0001-01")).contains("社会保障卡申领").contains("可快递送达");
	}
}
