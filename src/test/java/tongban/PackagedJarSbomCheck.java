package tongban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

/**
 * Issue 23 §4, "the SBOM present in the jar": run by surefire in the verify phase of the whole build (pom.xml,
 * profile cluster-nodes-alone, execution packaged-jar), after spring-boot:repackage made target/tongban.jar. The SBOM
 * the build wrote must be inside, byte for byte: repackage moves it from BOOT-INF/classes to the jar's own META-INF/sbom
 * and names it in the manifest (Sbom-Location, Sbom-Format), where Boot's /actuator/sbom and SBOM scanners look.
 * Not named *Test, so the test phase, before the jar exists, leaves it out.
 */
class PackagedJarSbomCheck {

	static final Path JAR = Path.of("target", "tongban.jar");

	@Test
	void theExecutableJarCarriesTheBuildsSbom() throws IOException {
		assumeTrue(Files.exists(JAR), "no target/tongban.jar: run in the verify phase (mvn verify)");
		try (JarFile jar = new JarFile(JAR.toFile())) {
			Attributes manifest = jar.getManifest().getMainAttributes();
			assertThat(manifest.getValue("Start-Class")).isEqualTo("tongban.Tongban");
			assertThat(manifest.getValue("Sbom-Format")).isEqualTo("CycloneDX");
			assertThat(manifest.getValue("Sbom-Location")).isEqualTo(SupplyChainTest.SBOM_RESOURCE);
			ZipEntry sbom = jar.getEntry(manifest.getValue("Sbom-Location"));
			assertThat(sbom).as("the SBOM inside " + JAR).isNotNull();
			assertThat(jar.getInputStream(sbom).readAllBytes()).isEqualTo(Files.readAllBytes(SupplyChainTest.SBOM));
		}
	}
}
