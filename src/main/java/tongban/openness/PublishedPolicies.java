package tongban.openness;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds a published policy document by its title, so another module can link to its public page
 * ({@code /policies/{id}}): 免申即享 benefit policies name the 管理办法 they carry out.
 */
@Service
public class PublishedPolicies {

	private final JdbcClient jdbc;

	PublishedPolicies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The id of the published policy with exactly this title, the latest if several. */
	@Transactional(readOnly = true)
	public Optional<UUID> byTitle(String title) {
		return jdbc.sql("select id from openness_publication where kind = 'POLICY' and status = 'PUBLISHED' and title = ? "
				+ "order by published_on desc nulls last limit 1")
			.param(title)
			.query(UUID.class)
			.optional();
	}
}
