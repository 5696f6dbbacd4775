package tongban;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 23 §4, the supply chain, read from what the build made: the CycloneDX SBOM that cyclonedx-maven-plugin writes
 * into target/classes (generate-resources, before any test) names every library the jar ships, each with the
 * licences its POM declares; every one must be open source, and every version in our POM pinned.
 */
class SupplyChainTest {

	/** Where Boot's managed execution of the plugin writes the SBOM, and where /actuator/sbom reads it on the classpath. */
	static final String SBOM_RESOURCE = "META-INF/sbom/application.cdx.json";

	static final Path SBOM = Path.of("target", "classes", SBOM_RESOURCE);

	/**
	 * OSI-approved licences by SPDX id (opensource.org/licenses), plus CC0-1.0, a public-domain dedication that the FSF
	 * counts free (OSI never decided on it), and GPL-2.0 with the Classpath exception (GPL-2.0 is OSI-approved; the
	 * exception only adds permissions). The plugin gives an SPDX id where it recognises the POM's licence.
	 */
	static final Set<String> OPEN_SOURCE = Set.of("Apache-2.0", "MIT", "MIT-0", "0BSD", "BSD-2-Clause", "BSD-3-Clause", "ISC",
			"EPL-1.0", "EPL-2.0", "LGPL-2.1-only", "LGPL-2.1-or-later", "LGPL-3.0-only", "LGPL-3.0-or-later", "MPL-1.1", "MPL-2.0",
			"CDDL-1.0", "CDDL-1.1", "CC0-1.0", "GPL-2.0-with-classpath-exception", "EDL-1.0", "Unicode-3.0", "Zlib", "BSL-1.0");

	/**
	 * A component whose POM names its licence in words the plugin does not map to an allowed SPDX id, or names none:
	 * each looked up where the project publishes its licence. {@code licence} is the key as the SBOM gives it (SPDX id,
	 * else the POM's name; {@link #NO_LICENCE} when the POM names none).
	 */
	record Explained(String component, String licence, String reason) {
	}

	static final String NO_LICENCE = "(none)";

	static final List<Explained> EXCEPTIONS = List.of(
			new Explained("org.bouncycastle:bcprov-jdk18on", "Bouncy Castle Licence",
					"www.bouncycastle.org/licence.html: the MIT (X11) licence with Bouncy Castle's name; the same text ships in the jar as org.bouncycastle.LICENSE"),
			new Explained("org.bouncycastle:bcpkix-jdk18on", "Bouncy Castle Licence", "as bcprov-jdk18on"),
			new Explained("org.bouncycastle:bcutil-jdk18on", "Bouncy Castle Licence", "as bcprov-jdk18on"),
			new Explained("jaxen:jaxen", "BSD License 2.0",
					"the POM's link, github.com/jaxen-xpath/jaxen LICENSE.txt, is the 3-clause BSD licence (BSD-3-Clause)"),
			new Explained("org.dom4j:dom4j", "Plexus",
					"the POM's link, github.com/dom4j/dom4j LICENSE, is dom4j's BSD-style licence (SPDX calls the text Plexus); no copyleft, no field of use"),
			new Explained("com.tngtech.archunit:archunit", "BSD-4-Clause",
					"the second licence is of the ASM it shades: the jar's com/tngtech/archunit/thirdparty/org/objectweb/asm/asm.license is the 3-clause BSD text; the POM only says \"BSD\""),
			new Explained("com.belerweb:pinyin4j", "BSD-4-Clause",
					"the POM names \"BSD\" and links opensource.org/licenses/bsd-license.html (OSI's BSD licence); the plugin guesses the 4-clause form from the bare name"),
			new Explained("com.twelvemonkeys.common:common-lang", "BSD-4-Clause",
					"the parent POM twelvemonkeys 3.5 names \"The BSD License\" and links github.com/haraldk/TwelveMonkeys#license, the 3-clause BSD text; the 4-clause form is the plugin's guess"),
			new Explained("com.twelvemonkeys.common:common-io", "BSD-4-Clause", "as common-lang (TwelveMonkeys 3.5, BSD-3-Clause)"),
			new Explained("com.twelvemonkeys.common:common-image", "BSD-4-Clause", "as common-lang (TwelveMonkeys 3.5, BSD-3-Clause)"),
			new Explained("com.twelvemonkeys.imageio:imageio-core", "BSD-4-Clause", "as common-lang (TwelveMonkeys 3.5, BSD-3-Clause)"),
			new Explained("com.twelvemonkeys.imageio:imageio-metadata", "BSD-4-Clause", "as common-lang (TwelveMonkeys 3.5, BSD-3-Clause)"),
			new Explained("com.twelvemonkeys.imageio:imageio-tiff", "BSD-4-Clause", "as common-lang (TwelveMonkeys 3.5, BSD-3-Clause)"));

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A Maven version range ([1,2), (,1.0], [1.5,)) or a moving version (SNAPSHOT, LATEST, RELEASE). */
	private static final Pattern UNPINNED = Pattern.compile("[\\[\\](),]|SNAPSHOT|^LATEST$|^RELEASE$");

	private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

	@Test
	void theBuildWritesTheSbomOfTheShippedLibrariesWhereTheJarAndTheEndpointFindIt() throws IOException {
		JsonNode bom = sbom();
		assertThat(bom.path("bomFormat").asString()).isEqualTo("CycloneDX");
		assertThat(bom.path("metadata").path("component").path("name").asString()).isEqualTo("tongban");
		// a library the platform runs on is there, one only the tests use is not (it does not ship)
		assertThat(componentNames(bom)).contains("org.springframework:spring-core", "org.postgresql:postgresql")
			.doesNotContain("com.microsoft.playwright:playwright", "org.junit.jupiter:junit-jupiter-api");
		// the test classpath sees target/classes, as BOOT-INF/classes does in the jar
		try (InputStream onClasspath = getClass().getClassLoader().getResourceAsStream(SBOM_RESOURCE)) {
			assertThat(onClasspath).as(SBOM_RESOURCE + " on the classpath").isNotNull();
		}
	}

	@Test
	void everyShippedLibraryHasAnOpenSourceLicence() throws IOException {
		List<String> refused = new ArrayList<>();
		for (JsonNode component : sbom().path("components")) {
			refused.addAll(refusals(component));
		}
		assertThat(refused).as("libraries whose licence is missing or not open source (SupplyChainTest.EXCEPTIONS explains the others)")
			.isEmpty();
	}

	@Test
	void everyExceptionStillNamesALibraryOfTheSbomWithThatLicence() throws IOException {
		Map<String, Set<String>> licences = new HashMap<>();
		for (JsonNode component : sbom().path("components")) {
			licences.put(name(component), licenceKeys(component));
		}
		for (Explained exception : EXCEPTIONS) {
			assertThat(licences.getOrDefault(exception.component(), Set.of()))
				.as("stale exception: %s no longer ships with %s", exception.component(), exception.licence())
				.contains(exception.licence());
			assertThat(exception.reason()).isNotBlank();
		}
	}

	/** What Spring Session 4.1.1 did (its POM names a Broadcom licence): refused, even beside an open one. */
	@Test
	void aProprietaryOrMissingLicenceIsRefused() {
		JsonNode broadcom = JSON.readTree("""
				{"group": "org.springframework.session", "name": "spring-session-core", "version": "4.1.1",
				 "licenses": [{"license": {"name": "Broadcom Foundation License"}}]}""");
		JsonNode beside = JSON.readTree("""
				{"group": "org.example", "name": "dual", "version": "1.0",
				 "licenses": [{"license": {"id": "Apache-2.0"}}, {"license": {"name": "Commercial"}}]}""");
		JsonNode none = JSON.readTree("""
				{"group": "org.example", "name": "silent", "version": "1.0"}""");
		JsonNode open = JSON.readTree("""
				{"group": "org.example", "name": "open", "version": "1.0", "licenses": [{"expression": "EPL-2.0"}]}""");
		assertThat(refusals(broadcom)).singleElement().asString().contains("Broadcom Foundation License");
		assertThat(refusals(beside)).singleElement().asString().contains("Commercial");
		assertThat(refusals(none)).singleElement().asString().contains(NO_LICENCE);
		assertThat(refusals(open)).isEmpty();
	}

	@Test
	void everyVersionInThePomIsPinned() throws Exception {
		Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
		Map<String, String> properties = new HashMap<>();
		NodeList declared = ((Element) pom.getElementsByTagName("properties").item(0)).getChildNodes();
		for (int i = 0; i < declared.getLength(); i++) {
			if (declared.item(i) instanceof Element property) {
				properties.put(property.getTagName(), property.getTextContent().strip());
			}
		}
		List<String> unpinned = new ArrayList<>();
		NodeList versions = pom.getElementsByTagName("version");
		for (int i = 0; i < versions.getLength(); i++) {
			Node version = versions.item(i);
			String owner = version.getParentNode().getNodeName();
			// the project's own version may be a snapshot; configuration values (the toolchain's [25,)) are not dependencies
			if (List.of("dependency", "plugin", "parent", "artifactItem").contains(owner)) {
				String value = resolve(version.getTextContent().strip(), properties);
				if (unpinned(value)) {
					unpinned.add(owner + " " + ((Element) version.getParentNode()).getElementsByTagName("artifactId").item(0).getTextContent()
							+ " " + value);
				}
			}
		}
		assertThat(unpinned).as("dependencies and plugins of pom.xml not pinned to one version").isEmpty();
		List<String> moving = new ArrayList<>();
		for (JsonNode component : sbom().path("components")) {
			if (component.path("version").asString().isBlank() || unpinned(component.path("version").asString())) {
				moving.add(name(component) + " " + component.path("version").asString());
			}
		}
		assertThat(moving).as("shipped libraries without a fixed version").isEmpty();
	}

	@Test
	void rangesAndSnapshotsAreRecognised() {
		assertThat(unpinned("[1.0,2.0)")).isTrue();
		assertThat(unpinned("[1.5,)")).isTrue();
		assertThat(unpinned("1.0-SNAPSHOT")).isTrue();
		assertThat(unpinned("LATEST")).isTrue();
		assertThat(unpinned("8.3.0.Final")).isFalse();
		assertThat(unpinned("2.7.1-0.36.0")).isFalse();
	}

	static JsonNode sbom() throws IOException {
		assertThat(SBOM).as("the build's SBOM (mvn generate-resources writes it)").exists();
		return JSON.readTree(Files.readString(SBOM));
	}

	/** The reasons one component is refused: each licence neither open source nor explained, or none at all. */
	static List<String> refusals(JsonNode component) {
		Set<String> keys = licenceKeys(component);
		if (keys.isEmpty()) {
			keys = Set.of(NO_LICENCE);
		}
		List<String> refused = new ArrayList<>();
		for (String key : keys) {
			if (!OPEN_SOURCE.contains(key) && EXCEPTIONS.stream().noneMatch(e -> e.component().equals(name(component)) && e.licence().equals(key))) {
				refused.add(name(component) + ":" + component.path("version").asString() + " " + key);
			}
		}
		return refused;
	}

	/** Each licence as the SBOM gives it: the SPDX id, else the POM's name, else an SPDX expression. */
	static Set<String> licenceKeys(JsonNode component) {
		Set<String> keys = new TreeSet<>();
		for (JsonNode entry : component.path("licenses")) {
			JsonNode licence = entry.path("license");
			String key = !licence.path("id").asString().isBlank() ? licence.path("id").asString()
					: !licence.path("name").asString().isBlank() ? licence.path("name").asString() : entry.path("expression").asString();
			keys.add(key.isBlank() ? NO_LICENCE : key);
		}
		return keys;
	}

	static String name(JsonNode component) {
		return component.path("group").asString() + ":" + component.path("name").asString();
	}

	static Set<String> componentNames(JsonNode bom) {
		Set<String> names = new TreeSet<>();
		bom.path("components").forEach(component -> names.add(name(component)));
		return names;
	}

	static boolean unpinned(String version) {
		return UNPINNED.matcher(version).find();
	}

	private static String resolve(String value, Map<String, String> properties) {
		Matcher property = PROPERTY.matcher(value);
		StringBuilder resolved = new StringBuilder();
		while (property.find()) {
			property.appendReplacement(resolved, Matcher.quoteReplacement(properties.getOrDefault(property.group(1), property.group())));
		}
		property.appendTail(resolved);
		return resolved.toString();
	}
}
