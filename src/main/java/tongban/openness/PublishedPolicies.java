package tongban.openness;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The published policy documents (政策文件) for other modules: the list the open-data portal publishes (title, 文号,
 * department, topic, validity and dates; no content and nothing about people), and a document found by its title, so
 * a 免申即享 benefit policy can link the 管理办法 it carries out ({@code /policies/{id}}). Read from openness's own table.
 */
@Service
@Transactional(readOnly = true)
public class PublishedPolicies {

	/** One published policy document. */
	public record PolicyEntry(String title, String docNumber, String departmentCode, String topic, String validity, LocalDate publishedOn,
			LocalDate effectiveOn) {
	}

	private final JdbcClient jdbc;

	PublishedPolicies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every published policy, newest first, streamed. */
	public void forEach(Consumer<PolicyEntry> sink) {
		try (Stream<PolicyEntry> policies = jdbc.sql("""
				select title, doc_number, department_code, topic, validity, published_on, effective_on from openness_publication
				where kind = 'POLICY' and status = 'PUBLISHED' order by published_on desc nulls last, id""")
			.withFetchSize(500)
			.query((rs, n) -> new PolicyEntry(rs.getString("title"), rs.getString("doc_number"), rs.getString("department_code"),
					rs.getString("topic"), rs.getString("validity"), rs.getObject("published_on", LocalDate.class),
					rs.getObject("effective_on", LocalDate.class)))
			.stream()) {
			policies.forEach(sink);
		}
	}

	/** The id of the published policy with exactly this title, the latest if several. */
	public Optional<UUID> byTitle(String title) {
		return jdbc.sql("select id from openness_publication where kind = 'POLICY' and status = 'PUBLISHED' and title = ? "
				+ "order by published_on desc nulls last limit 1")
			.param(title)
			.query(UUID.class)
			.optional();
	}
}
