package tongban.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.identity.Role;
import tongban.support.IntegrationTest;
import tongban.support.People;
import tongban.support.TestPeople;

/**
 * The hotline API for the systems of the 12345 centre and the departments (scope {@code hotline}, a token acting for a
 * member of staff): a whole lifecycle through it, the roles and visibility of the workbench, and bad input answered with
 * problem+json, never a 500.
 */
class HotlineApiIT extends IntegrationTest {

	static final HttpClient HTTP = HttpClient.newHttpClient();

	@Autowired
	TicketIntake intake;

	@Autowired
	Tickets tickets;

	String submitted(String description, String phone) {
		Submitted submitted = intake.submit(new NewTicket("COMPLAINT", "CS0101", null, "330106", "文三路 1 号", null, null, description, "王小二",
				phone, null, false, List.of()), TicketSource.operator("话务员"));
		assertThat(submitted.problems()).isEmpty();
		return tickets.numberOf(submitted.id()).orElseThrow();
	}

	HttpResponse<String> call(String method, String path, String token, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).header("Accept", "application/json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void theCentreDispatchesAndClosesAndTheLeadDepartmentRepliesWithoutAPage() throws Exception {
		String phone = TestPeople.mobile();
		String number = submitted("小区门口路灯坏了三天，晚上看不见路。", phone);
		String operator = accessToken(newStaff("XH-ZWFW", Role.HOTLINE_OPERATOR, "接口话务").id(), "hotline");
		String department = accessToken(newStaff("XH-ZJ", Role.APPROVER, "接口承办").id(), "hotline");

		HttpResponse<String> queue = call("GET", "/api/hotline/tickets?queue=dispatch", operator, null);
		assertThat(queue.statusCode()).as(queue.body()).isEqualTo(200);
		assertThat(queue.body()).contains(number);

		HttpResponse<String> dispatched = call("POST", "/api/hotline/tickets/" + number + "/dispatch", operator, "{\"lead\":\"XH-ZJ\"}");
		assertThat(dispatched.statusCode()).as(dispatched.body()).isEqualTo(200);
		assertThat(dispatched.body()).contains("\"status\":\"DISPATCHED\"");

		HttpResponse<String> mine = call("GET", "/api/hotline/tickets?queue=department", department, null);
		assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
		assertThat(mine.body()).contains(number).doesNotContain(phone).contains("王**");

		HttpResponse<String> replied = call("POST", "/api/hotline/tickets/" + number + "/reply", department, "{\"text\":\"已安排维修人员更换灯泡。\"}");
		assertThat(replied.statusCode()).as(replied.body()).isEqualTo(200);

		HttpResponse<String> closed = call("POST", "/api/hotline/tickets/" + number + "/close", operator, "{}");
		assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);

		HttpResponse<String> seen = call("GET", "/api/hotline/tickets/" + number, department, null);
		assertThat(seen.body()).contains("\"status\":\"CLOSED\"").contains("已安排维修人员更换灯泡。");
		assertThat(tickets.history(tickets.byNumber(number).orElseThrow().id(), false)).extracting(TicketLogEntry::action)
			.contains("DISPATCHED", "REPLIED", "CLOSED");
	}

	@Test
	void rolesAndVisibilityAreTheWorkbenchsAndRefusalsAreProblems() throws Exception {
		String phone = TestPeople.mobile();
		String number = submitted("楼下餐馆油烟很大，窗户都不敢开。", phone);
		People.Staff operatorStaff = newStaff("XH-ZWFW", Role.HOTLINE_OPERATOR, "接口话务");
		String operator = accessToken(operatorStaff.id(), "hotline");
		String lead = accessToken(newStaff("XH-SCJG", Role.APPROVER, "接口承办").id(), "hotline");
		String other = accessToken(newStaff("XH-ZJ", Role.APPROVER, "接口旁观").id(), "hotline");

		// a department does not dispatch; before dispatch the ticket is not its own, so it does not exist for it
		HttpResponse<String> byDepartment = call("POST", "/api/hotline/tickets/" + number + "/dispatch", lead, "{\"lead\":\"XH-SCJG\"}");
		assertThat(byDepartment.statusCode()).isEqualTo(403);
		assertThat(byDepartment.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));

		HttpResponse<String> unknown = call("POST", "/api/hotline/tickets/" + number + "/dispatch", operator, "{\"lead\":\"XH-NOPE\"}");
		assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(422);
		assertThat(unknown.body()).contains("hotline-department-unknown");

		assertThat(call("POST", "/api/hotline/tickets/" + number + "/dispatch", operator, "{\"lead\":\"XH-SCJG\"}").statusCode()).isEqualTo(200);
		HttpResponse<String> again = call("POST", "/api/hotline/tickets/" + number + "/dispatch", operator, "{\"lead\":\"XH-SCJG\"}");
		assertThat(again.statusCode()).as(again.body()).isEqualTo(409);

		// another department: the ticket does not exist for it
		assertThat(call("GET", "/api/hotline/tickets/" + number, other, null).statusCode()).isEqualTo(404);
		assertThat(call("POST", "/api/hotline/tickets/" + number + "/reply", other, "{\"text\":\"不是我们的事。\"}").statusCode()).isEqualTo(404);

		// the lead department: a reply too short, a NUL, a body that is not JSON, then closing before a reply
		assertThat(call("POST", "/api/hotline/tickets/" + number + "/reply", lead, "{\"text\":\"好\"}").statusCode()).isEqualTo(422);
		HttpResponse<String> nul = call("POST", "/api/hotline/tickets/" + number + "/reply", lead, "{\"text\":\"已处理\\u0000完毕\"}");
		assertThat(nul.statusCode()).as(nul.body()).isEqualTo(400);
		assertThat(nul.body()).contains("control-characters");
		assertThat(call("POST", "/api/hotline/tickets/" + number + "/reply", lead, "{not json").statusCode()).isEqualTo(400);
		assertThat(call("POST", "/api/hotline/tickets/" + number + "/close", operator, null).statusCode()).isEqualTo(409);
		// the refused move wrote no line of history (the line is written by the move's own statement, only if it moved)
		assertThat(tickets.history(tickets.byNumber(number).orElseThrow().id(), false)).extracting(TicketLogEntry::action)
			.containsExactly("SUBMITTED", "DISPATCHED");
		assertThat(call("GET", "/api/hotline/tickets?queue=everything", operator, null).statusCode()).isEqualTo(422);
		assertThat(call("GET", "/api/hotline/tickets?queue=dispatch", lead, null).statusCode()).isEqualTo(403);

		// the operator sees the phone to call back; the department sees it masked
		assertThat(call("GET", "/api/hotline/tickets/" + number, operator, null).body()).contains(phone);
		assertThat(call("GET", "/api/hotline/tickets/" + number, lead, null).body()).doesNotContain(phone);

		// no token, or a token without the scope
		assertThat(call("GET", "/api/hotline/tickets/" + number, null, null).statusCode()).isEqualTo(401);
		assertThat(call("GET", "/api/hotline/tickets/" + number, accessToken(operatorStaff.id(), "tasks"), null).statusCode()).isEqualTo(403);
		assertThat(tickets.byNumber(number).orElseThrow().status()).isEqualTo(TicketStatus.DISPATCHED);
	}
}
