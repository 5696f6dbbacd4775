package tongban;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import tongban.identity.Role;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;

/**
 * Issue 23 §4: /actuator/sbom serves the SBOM the build put into the application (Spring Boot's SBOM endpoint) to a
 * platform administrator, and to nobody else: no session is a 401, a citizen's or another staff role's a 403, both as
 * problem+json rather than the sign-in page.
 */
class SbomEndpointIT extends IntegrationTest {

	@Test
	void aPlatformAdministratorReadsTheSbomOfTheRunningApplication() {
		FormSession admin = FormSession.staff(url(""), newStaff("XH-ZWFW", Role.PLATFORM_ADMIN, "供应链管理员"));
		HttpResponse<String> ids = admin.get("/actuator/sbom");
		assertThat(ids.statusCode()).isEqualTo(200);
		assertThat(ids.body()).contains("\"application\"");
		HttpResponse<String> bom = admin.get("/actuator/sbom/application");
		assertThat(bom.statusCode()).isEqualTo(200);
		assertThat(bom.body()).contains("\"bomFormat\"", "CycloneDX", "pkg:maven/org.springframework/spring-core@");
	}

	@Test
	void nobodyElseReadsIt() {
		HttpResponse<String> anonymous = new FormSession(url("")).get("/actuator/sbom/application");
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(anonymous.body()).doesNotContain("CycloneDX");

		Citizen me = newCitizen("供应链", 2);
		FormSession citizen = new FormSession(url(""));
		assertThat(citizen.signIn(me.idNumber(), PASSWORD)).endsWith("/account");
		HttpResponse<String> asCitizen = citizen.get("/actuator/sbom/application");
		assertThat(asCitizen.statusCode()).isEqualTo(403);
		assertThat(asCitizen.body()).doesNotContain("CycloneDX");

		FormSession clerk = FormSession.staff(url(""), newStaff("XH-ZWFW", Role.COUNTER_CLERK, "窗口人员"));
		assertThat(clerk.get("/actuator/sbom").statusCode()).isEqualTo(403);
	}
}
