package tongban.insight.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tongban.directory.DepartmentView;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.shared.DomainException;

/** Who sees what on the dashboard: the platform everything, supervisors and leaders their region, a department admin their department. */
class DashboardScopeTest {

	static final DepartmentView ZJ = new DepartmentView(UUID.randomUUID(), "XH-ZJ", "住建局", "住建", null, "330106", null, null, null, null);
	static final DepartmentView SCJG = new DepartmentView(UUID.randomUUID(), "XH-SCJG", "市场监管局", "市监", null, "330106", null, null, null, null);
	static final DepartmentView SC = new DepartmentView(UUID.randomUUID(), "SC-ZJ", "上城住建", "住建", null, "330102", null, null, null, null);

	private static StaffMember staff(String region, Role... roles) {
		return new StaffMember(UUID.randomUUID(), "某人", "XH-ZJ", region, Set.of(roles));
	}

	@Test
	void eachRoleSeesItsOwn() {
		DashboardScope platform = DashboardScope.of(staff(null, Role.PLATFORM_ADMIN), Optional.of(ZJ));
		assertThat(platform.covers(SC)).isTrue();
		assertThat(platform.covers("110101")).isTrue();

		DashboardScope leader = DashboardScope.of(staff(null, Role.LEADER), Optional.of(ZJ));
		assertThat(leader).as("a leader without a region scope: their department's region").isEqualTo(new DashboardScope("330106", null));
		assertThat(leader.covers("330106011")).isTrue();
		assertThat(leader.covers(SCJG)).isTrue();
		assertThat(leader.covers("330102")).isFalse();
		assertThat(leader.covers("330100")).as("the city around the district").isFalse();
		assertThat(leader.covers(SC)).isFalse();

		DashboardScope city = DashboardScope.of(staff("330100", Role.SUPERVISOR), Optional.of(ZJ));
		assertThat(city.covers(SC)).isTrue();
		assertThat(city.covers("330206")).isFalse();

		DashboardScope admin = DashboardScope.of(staff(null, Role.DEPT_ADMIN), Optional.of(ZJ));
		assertThat(admin).isEqualTo(new DashboardScope("330106", "XH-ZJ"));
		assertThat(admin.covers(ZJ)).isTrue();
		assertThat(admin.covers(SCJG)).isFalse();
	}

	@Test
	void othersFindNothing() {
		assertThatThrownBy(() -> DashboardScope.of(staff(null, Role.APPROVER), Optional.of(ZJ))).isInstanceOf(DomainException.class)
			.hasFieldOrPropertyWithValue("kind", DomainException.Kind.NOT_FOUND);
		assertThatThrownBy(() -> DashboardScope.of(staff(null, Role.SUPERVISOR), Optional.empty()))
			.as("a supervisor with no region and no department").isInstanceOf(DomainException.class);
	}
}
