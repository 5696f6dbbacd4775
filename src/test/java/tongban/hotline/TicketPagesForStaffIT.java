package tongban.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.identity.Role;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;
import tongban.support.TestPeople;

/**
 * A ticket page as staff reach it, by its id or by the number they were told: a ticket of another department is a 404
 * whichever they type (a number used to be a 400, which told them the page exists in another form).
 */
class TicketPagesForStaffIT extends IntegrationTest {

	@Autowired
	TicketIntake intake;

	@Autowired
	TicketDispatch dispatcher;

	@Test
	void aTicketAnotherDepartmentHandlesIsNotFoundByNumberOrId() {
		var s = intake.submit(new NewTicket("COMPLAINT", "CS0201", null, "330106", "西湖区学院路 100 号", null, null,
				"小区门口的垃圾已经三天没人清运了。", "王女士", TestPeople.mobile(), null, false, List.of()), TicketSource.operator("测试话务员"));
		dispatcher.dispatch(s.id(), "测试话务员", "XH-ZJ", List.of());
		FormSession other = FormSession.staff(url(""), newStaff("XH-RLSB", Role.APPROVER, "人社审批"));
		FormSession lead = FormSession.staff(url(""), newStaff("XH-ZJ", Role.APPROVER, "住建审批"));

		assertThat(other.get("/workbench/hotline/tickets/" + s.number()).statusCode()).isEqualTo(404);
		assertThat(other.get("/workbench/hotline/tickets/" + s.id()).statusCode()).isEqualTo(404);
		assertThat(other.get("/workbench/hotline/tickets/GD00000000000000").statusCode()).isEqualTo(404);
		// any other page whose path names no resource of the right kind is not found either
		assertThat(other.get("/workbench/hotline/tickets/" + s.number() + "/attachments/1").statusCode()).isEqualTo(404);

		var byNumber = lead.get("/workbench/hotline/tickets/" + s.number());
		assertThat(byNumber.statusCode()).isEqualTo(302);
		assertThat(byNumber.headers().firstValue("Location").orElseThrow()).endsWith("/workbench/hotline/tickets/" + s.id());
		assertThat(lead.get("/workbench/hotline/tickets/" + s.id()).statusCode()).isEqualTo(200);
	}
}
