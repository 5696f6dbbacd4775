package tongban.events.internal;

import java.lang.reflect.Method;
import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.modulith.events.support.EventExternalizerModuleListener;
import org.springframework.transaction.event.TransactionalApplicationListenerMethodAdapter;
import org.springframework.util.ReflectionUtils;

/**
 * The outbox: the publications of Modulith's registry ({@code event_publication}) addressed to the Kafka externaliser
 * and not yet acknowledged by the broker. Completed ones are deleted ({@code completion-mode: delete}), so every row
 * left for the externaliser is waiting.
 */
class Outbox {

	/** The registry's name of the externaliser, computed as Modulith computes it. */
	static final String LISTENER_ID = listenerId();

	/** How many wait, and since when the oldest (null when none). */
	record State(long size, Instant oldest) {
	}

	private final JdbcClient jdbc;

	Outbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	State state() {
		return jdbc.sql("select count(*) as size, min(publication_date) as oldest from event_publication where completion_date is null and listener_id = ?")
			.param(LISTENER_ID)
			.query((rs, row) -> {
				Timestamp oldest = rs.getTimestamp("oldest");
				return new State(rs.getLong("size"), oldest == null ? null : oldest.toInstant());
			})
			.single();
	}

	static boolean holds(EventPublication publication) {
		return publication instanceof TargetEventPublication target && target.isIdentifiedBy(PublicationTargetIdentifier.of(LISTENER_ID));
	}

	private static String listenerId() {
		Method method = ReflectionUtils.findMethod(EventExternalizerModuleListener.class, "externalize", Object.class);
		return new TransactionalApplicationListenerMethodAdapter("externaliser", EventExternalizerModuleListener.class, method).getListenerId();
	}
}
