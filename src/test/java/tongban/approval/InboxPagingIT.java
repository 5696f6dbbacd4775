package tongban.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.casework.Applying;
import tongban.identity.Role;
import tongban.support.IntegrationTest;
import tongban.support.TestCases;

/**
 * {@code GET /api/tasks} pages: {@code page} and {@code size}, the total in {@code X-Total-Count} and RFC 8288 links.
 * Walking the {@code next} links visits every task of the inbox exactly once (it used to answer the same first 100 tasks
 * whatever was asked); a page or size out of range is 422 problem+json.
 */
class InboxPagingIT extends IntegrationTest {

	private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");
	private static final Pattern CASE_ID = Pattern.compile("\"caseId\"\\s*:\\s*\"([^\"]+)\"");
	private static final Pattern TASK_ID = Pattern.compile("\"taskId\"\\s*:\\s*\"([^\"]+)\"");

	@Autowired
	Applying applying;

	@Test
	void everyTaskOnceAcrossThePages() throws Exception {
		Set<UUID> mine = new HashSet<>();
		for (int i = 0; i < 3; i++) {
			mine.add(TestCases.submittedSocialSecurityCard(applying, newCitizen("分页" + "甲乙丙".charAt(i), 2)).value());
		}
		var approver = newStaff("XH-RLSB", Role.APPROVER, "分页审批");
		String token = accessToken(approver.id(), "tasks");

		HttpResponse<String> first = get(token, "/api/tasks?size=1");
		assertThat(first.statusCode()).isEqualTo(200);
		long total = Long.parseLong(first.headers().firstValue("X-Total-Count").orElseThrow());
		assertThat(total).isGreaterThanOrEqualTo(3);
		int size = (int) Math.min(100, Math.max(1, (total + 3) / 4)); // about four pages, whatever the other tests left
		List<String> seen = new ArrayList<>();
		Set<String> cases = new HashSet<>();
		String next = "/api/tasks?page=0&size=" + size;
		int pages = 0;
		while (next != null) {
			HttpResponse<String> page = get(token, next);
			assertThat(page.statusCode()).isEqualTo(200);
			List<String> ids = TASK_ID.matcher(page.body()).results().map(m -> m.group(1)).toList();
			assertThat(ids.size()).isLessThanOrEqualTo(size);
			seen.addAll(ids);
			CASE_ID.matcher(page.body()).results().forEach(m -> cases.add(m.group(1)));
			String link = page.headers().firstValue("Link").orElseThrow();
			assertThat(link).contains("rel=\"first\"").contains("rel=\"last\"");
			Matcher m = NEXT.matcher(link);
			next = m.find() ? m.group(1) : null;
			assertThat(++pages).isLessThanOrEqualTo(200);
		}
		assertThat(seen).as("each task once").doesNotHaveDuplicates().hasSize((int) total);
		assertThat(cases).as("the new cases are on some page").containsAll(mine.stream().map(UUID::toString).toList());
		assertThat(get(token, "/api/tasks?size=0").statusCode()).isEqualTo(422);
		assertThat(get(token, "/api/tasks?size=101").body()).contains("page-invalid");
		assertThat(get(token, "/api/tasks?page=-1").statusCode()).isEqualTo(422);
		assertThat(get(token, "/api/tasks?page=x").statusCode()).as("not a number").isEqualTo(400);
	}

	private HttpResponse<String> get(String token, String path) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + token).build(),
				HttpResponse.BodyHandlers.ofString());
	}
}
