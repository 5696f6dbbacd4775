package tongban.exchange;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.audit.AuditTrail;
import tongban.shared.DomainException;

/**
 * A resource's open class (公共数据开放属性): 无条件开放, 有条件开放 or 不予开放, as 《浙江省公共数据条例》(2022, 第五章
 * 公共数据开放与利用) and 《浙江省公共数据开放与安全管理暂行办法》(省政府令第381号, 2020) classify public data for opening
 * to society (Zhejiang calls the middle class 受限开放 and the last 禁止开放; 有条件开放 is the term of
 * 《上海市公共数据开放暂行办法》 and of most other provinces), kept beside (and independent of) its sharing class between
 * departments. Only the providing department's admin sets it; every resource
 * is 不予开放 until then.
 */
@Service
public class ResourceOpenness {

	/** The open classes, most open first. */
	public enum OpenClass {
		UNCONDITIONAL, CONDITIONAL, NOT_OPEN
	}

	private final JdbcClient jdbc;
	private final ResourceCatalogue catalogue;
	private final AuditTrail audit;

	ResourceOpenness(JdbcClient jdbc, ResourceCatalogue catalogue, AuditTrail audit) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.audit = audit;
	}

	/** The resource's open class; empty for an unknown resource. */
	@Transactional(readOnly = true)
	public Optional<OpenClass> openClass(String resourceCode) {
		return jdbc.sql("select open_class from exchange_resource where code = ?").param(resourceCode).query(String.class).optional().map(OpenClass::valueOf);
	}

	/** Every resource's open class by resource code. */
	@Transactional(readOnly = true)
	public Map<String, OpenClass> openClasses() {
		return jdbc.sql("select code, open_class from exchange_resource")
			.query((rs, n) -> Map.entry(rs.getString("code"), OpenClass.valueOf(rs.getString("open_class"))))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * The providing department's admin sets the open class (audited). Another department's resource is not found; a
	 * resource never shared between departments (不予共享) may not be opened to society either.
	 */
	@Transactional
	public void setOpenClass(String resourceCode, OpenClass openClass, String departmentCode, String setBy) {
		Resource resource = catalogue.resource(resourceCode)
			.filter(r -> r.providerDepartmentCode().equals(departmentCode))
			.orElseThrow(() -> DomainException.notFound("resource"));
		if (openClass == null) {
			throw new DomainException(DomainException.Kind.INVALID, "exchange-open-class", "open class missing");
		}
		if (resource.sharingClass().equals("NONE") && openClass != OpenClass.NOT_OPEN) {
			throw new DomainException(DomainException.Kind.INVALID, "exchange-open-class-not-shared", "a resource not shared is not opened");
		}
		jdbc.sql("update exchange_resource set open_class = ? where code = ?").params(openClass.name(), resourceCode).update();
		audit.record(AuditTrail.PUBLISH, setBy, "resource:" + resourceCode, "open class set: " + openClass);
	}

	/** The open classes' names in the order a form offers them. */
	public static List<OpenClass> classes() {
		return List.of(OpenClass.values());
	}
}
