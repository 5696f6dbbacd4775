package tongban.openness;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.shared.Links;

/** The links in what is published now (policies, interpretations, articles), for the channel checks (insight's 网站普查). */
@Service
public class PolicyLinks {

	/** The links of one live publication: its id, title, department and the addresses written in its live revision. */
	public record LinkedPublication(UUID id, String kind, String title, String departmentCode, List<String> links) {
	}

	private final JdbcClient jdbc;

	PolicyLinks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every published publication that holds at least one link. */
	@Transactional(readOnly = true)
	public List<LinkedPublication> published() {
		return jdbc.sql("""
				select p.id, p.kind, p.title, p.department_code, r.content::text as content from openness_publication p
				join openness_publication_revision r on r.publication_id = p.id and r.version_no = p.live_version
				where p.status = 'PUBLISHED' order by p.published_on desc nulls last, p.id""")
			.query((rs, n) -> new LinkedPublication(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("title"),
					rs.getString("department_code"), Links.in(rs.getString("content"))))
			.list()
			.stream()
			.filter(p -> !p.links().isEmpty())
			.toList();
	}
}
