package tongban.notification.internal.smpp;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code sms} in /actuator/health: UP while bound to the SMS centre (its address, or 模拟短信中心 for the demo's), DOWN
 * with the reason while the bind is refused (wrong account or password) or the centre cannot be reached, or when no
 * centre is configured at all; UNKNOWN while the first bind is being tried. Not part of readiness: every node shares
 * the centre, so an SMS outage must not take nodes out of the balancer; messages wait in the queue meanwhile.
 */
final class SmsHealth implements HealthIndicator {

	private final SmppLink link;

	/** Health of a node without an SMS centre. */
	static final HealthIndicator NOT_CONFIGURED = () -> Health.down()
		.withDetail("reason", "未配置短信中心（TONGBAN_SMPP_HOST）：短信在队列中等待")
		.build();

	SmsHealth(SmppLink link) {
		this.link = link;
	}

	@Override
	public Health health() {
		SmppLink.State state = link.state();
		Health.Builder health = switch (state.kind()) {
			case BOUND -> Health.up();
			case CONNECTING -> Health.unknown().withDetail("reason", state.reason());
			case REFUSED, UNREACHABLE -> Health.down().withDetail("reason", state.reason());
		};
		return health.withDetail("centre", link.label()).build();
	}
}
