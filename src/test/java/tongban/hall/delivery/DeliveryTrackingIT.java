package tongban.hall.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.casework.Applying;
import tongban.casework.CaseId;
import tongban.casework.Handling;
import tongban.casework.PostalDelivery;
import tongban.casework.ResultPosted;
import tongban.casework.ShipmentTracking;
import tongban.shared.DomainException;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;
import tongban.support.TestCases;

/**
 * Issue 20 point 6, 可快递送达: a result posted at 送达 is followed with the demo carrier as the clock moves on, each
 * status stored once however often the pass runs, the person told once when it is signed for, and shown on their case
 * page only.
 */
class DeliveryTrackingIT extends IntegrationTest {

	@Autowired
	Applying applying;

	@Autowired
	Handling handling;

	@Autowired
	Shipments shipments;

	@Autowired
	ShipmentTracking tracking;

	private static final LocalDateTime POSTED = LocalDateTime.of(2026, 11, 10, 10, 0);

	private CaseId postedCase(Citizen me, String trackingNumber) {
		CaseId id = TestCases.submittedSocialSecurityCardByPost(applying, me);
		handling.accept(id, "受理员");
		handling.decide(id, TestCases.approver("审批员"), true, null);
		clock.set(POSTED);
		PostalDelivery postal = PostalDelivery.of("中国邮政 EMS", trackingNumber).orElseThrow();
		handling.deliver(id, "送达员", null, postal);
		// the listener runs after commit and asynchronously: the test calls its delegate (a second call changes nothing)
		shipments.record(new ResultPosted(id, null, postal.carrier(), postal.trackingNumber()));
		return id;
	}

	private long messages(Citizen me) {
		return jdbc.sql("select count(*) from notification_message where account_id = ? and event = 'DELIVERY_SIGNED'")
			.param(me.id())
			.query(Long.class)
			.single();
	}

	@Test
	void aPostedResultIsFollowedToTheDoorAndThePersonToldOnce() {
		Citizen me = newCitizen("邮寄跟踪", 2);
		CaseId id = postedCase(me, "ea 123456789 cn");
		assertThat(tracking.tracking(id)).hasValueSatisfying(t -> {
			assertThat(t.trackingNumber()).isEqualTo("EA123456789CN");
			assertThat(t.steps()).isEmpty();
			assertThat(t.simulated()).as("the demo carrier's statuses are made up").isTrue();
		});

		clock.set(POSTED.plusHours(7));
		shipments.poll();
		shipments.poll();
		assertThat(tracking.tracking(id).orElseThrow().steps()).extracting(ShipmentTracking.Step::statusKey)
			.containsExactly("hall.delivery.status.COLLECTED", "hall.delivery.status.IN_TRANSIT");
		assertThat(shipments.ofCase(id).orElseThrow().status()).isEqualTo(ShipmentStatus.IN_TRANSIT);
		assertThat(messages(me)).isZero();

		clock.set(POSTED.plusHours(27));
		shipments.poll();
		shipments.poll();
		ShipmentTracking.Tracked done = tracking.tracking(id).orElseThrow();
		assertThat(done.received()).isTrue();
		assertThat(done.steps()).extracting(ShipmentTracking.Step::statusKey).containsExactly("hall.delivery.status.COLLECTED",
				"hall.delivery.status.IN_TRANSIT", "hall.delivery.status.OUT_FOR_DELIVERY", "hall.delivery.status.SIGNED");
		assertThat(messages(me)).as("told once, however often the pass runs").isEqualTo(1);

		FormSession mine = new FormSession(url(""));
		mine.signIn(me.idNumber(), PASSWORD);
		HttpResponse<String> page = mine.get("/cases/" + id.value());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("邮寄进度", "EA123456789CN", "中国邮政 EMS", "已签收", "派送中")
			.contains("data-testid=\"shipment-simulated\"", "模拟的快递接口", "没有真的包裹在寄送");

		Citizen other = newCitizen("别人的快递", 2);
		FormSession theirs = new FormSession(url(""));
		theirs.signIn(other.idNumber(), PASSWORD);
		assertThat(theirs.get("/cases/" + id.value()).statusCode()).as("someone else's shipment").isEqualTo(404);
	}

	@Test
	void aTrackingNumberNotOfTheCarriersFormIsRefusedAndNothingIsFollowed() {
		Citizen me = newCitizen("运单号写错", 2);
		CaseId id = TestCases.submittedSocialSecurityCardByPost(applying, me);
		handling.accept(id, "受理员");
		handling.decide(id, TestCases.approver("审批员"), true, null);
		assertThatThrownBy(() -> handling.deliver(id, "送达员", null, PostalDelivery.of("顺丰速运", "EA123456789CN").orElseThrow()))
			.isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "delivery-tracking-format");
		assertThat(shipments.ofCase(id)).isEmpty();
		assertThat(tracking.tracking(id)).isEmpty();
		shipments.poll();
		assertThat(shipments.ofCase(id)).isEmpty();
	}

	@Test
	void theDeliveryPageOfAMailedItemExplainsItAndOtherItemsHaveNone() {
		FormSession anyone = new FormSession(url(""));
		HttpResponse<String> page = anyone.get("/hall/delivery/items/330106-GG-0001-01");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("免费邮寄", "社会保障卡申领");
		assertThat(anyone.get("/hall/delivery/items/330106-QR-0002-02").statusCode()).as("the ID card is not mailed").isEqualTo(404);
	}
}
