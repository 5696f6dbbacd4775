package tongban.insight.anomalies;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tongban.exchange.ReadConcerns;

/** The reads behind confirmed hits, for the person's 谁查询了我的数据 page (exchange's port). */
@Component
class ConfirmedReads implements ReadConcerns {

	private final JdbcClient jdbc;

	ConfirmedReads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<Long> confirmed(Collection<Long> accessIds) {
		if (accessIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("""
				select distinct r.access_id from insight_anomaly_read r join insight_anomaly_hit h on h.id = r.hit_id
				where h.status = 'CONFIRMED' and r.access_id = any(?)""")
			.param(accessIds.toArray(Long[]::new))
			.query(Long.class)
			.list());
	}
}
