package tongban.exchange;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.shared.ClusterSignals;
import tongban.shared.Forgetting;

/** Department systems that read through the exchange API: the department each one reads for, and its rate. */
@Service
public class ExchangeClients {

	private final JdbcClient jdbc;
	private final Map<String, Optional<ExchangeClient>> clientCache = new ConcurrentHashMap<>();

	/** Signal (payload: the client id) that a client's binding changed. */
	private static final String CLIENT_CHANGED = "exchange_clients";

	private final ClusterSignals signals;

	ExchangeClients(JdbcClient jdbc, ClusterSignals signals) {
		this.jdbc = jdbc;
		this.signals = signals;
		signals.listen(CLIENT_CHANGED, Forgetting.entriesOf(clientCache));
	}

	public Optional<ExchangeClient> client(String clientId) {
		return clientCache.computeIfAbsent(clientId, id -> jdbc.sql("select client_id, department_code, rate_per_second from exchange_client where client_id = ?")
			.param(id)
			.query(ExchangeClient.class)
			.optional());
	}

	/** Binds a department system (an OAuth2 client with the exchange scope) to the department it reads for. */
	@Transactional
	public void bindClient(String clientId, String departmentCode, int ratePerSecond) {
		jdbc.sql("""
				insert into exchange_client (client_id, department_code, rate_per_second) values (?, ?, ?)
				on conflict (client_id) do update set department_code = excluded.department_code, rate_per_second = excluded.rate_per_second""")
			.params(clientId, departmentCode, ratePerSecond)
			.update();
		signals.send(CLIENT_CHANGED, clientId);
	}
}
