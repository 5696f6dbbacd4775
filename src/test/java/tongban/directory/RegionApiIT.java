package tongban.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import tongban.support.IntegrationTest;

class RegionApiIT extends IntegrationTest {

	@Autowired
	DirectoryManagement directory;

	private RestClient http() {
		return RestClient.builder().baseUrl(url("")).defaultStatusHandler(s -> true, (req, res) -> { }).build();
	}

	@Test
	void westLakeDistrictWithItsParentAndTownships() {
		Region region = http().get().uri("/api/regions/330106").retrieve().body(Region.class);
		assertThat(region).isEqualTo(new Region("330106", "西湖区", "330100", Region.Level.COUNTY));
		Region[] children = http().get().uri("/api/regions/330106/children").retrieve().body(Region[].class);
		assertThat(children).extracting(Region::name).contains("北山街道", "西溪街道", "翠苑街道");
		Region[] cities = http().get().uri("/api/regions/330000/children").retrieve().body(Region[].class);
		assertThat(cities).extracting(Region::name).contains("杭州市", "宁波市", "温州市");
	}

	@Test
	void everyCountyLevelDivisionIsLoaded() {
		assertThat(directory.countByLevel(Region.Level.PROVINCE)).isEqualTo(31);
		assertThat(directory.countByLevel(Region.Level.COUNTY)).isGreaterThanOrEqualTo(2800);
		assertThat(directory.fullName("330106")).isEqualTo("浙江省 杭州市 西湖区");
	}

	@Test
	void unknownCodeIsAProblemDocument() {
		var response = http().get().uri("/api/regions/000000").retrieve().toEntity(Map.class);
		@SuppressWarnings("unchecked")
		Map<String, Object> body = response.getBody();
		assertThat(response.getStatusCode().value()).isEqualTo(404);
		assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		assertThat(body).containsEntry("code", "not-found").containsEntry("status", 404);
		assertThat(http().get().uri("/api/regions/000000/children").retrieve().toEntity(Map.class).getStatusCode().value())
			.isEqualTo(404);
	}

	@Test
	void demoGovernmentHasAtLeastTenDepartmentsWithValidCodes() {
		List<DepartmentView> deps = directory.departments();
		assertThat(deps).hasSizeGreaterThanOrEqualTo(10);
		assertThat(deps).extracting(DepartmentView::name)
			.contains("杭州市西湖区市场监督管理局", "杭州市公安局西湖区分局", "国家税务总局杭州市西湖区税务局");
		assertThat(deps).allSatisfy(d -> assertThat(tongban.shared.Uscc.check(d.uscc())).isEmpty());
		List<?> api = http().get().uri("/api/departments").retrieve().body(List.class);
		assertThat(api).hasSize(deps.size());
	}
}
