package tongban.seal.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import tongban.seal.Family;

/**
 * The platform's certificate authority: per family a root (20 years) and an issuing CA (10 years) that certifies the
 * seals' keys and the time-stamp unit, all created on first start in the {@link SigningKeys}. Every certificate it
 * issues names where its issuer's CRL and certificate are published (CRL distribution point and authority information
 * access, RFC 5280 4.2.1.13 and 4.2.2.1) under the platform's public URL, so a relying party finds them by itself.
 */
public class PlatformCa {

	static final String ORGANISATION = "通办政务服务平台";

	private final SigningKeys keys;
	private final String publicUrl;
	private final SecureRandom random = new SecureRandom();

	/** The CA over its keys, publishing at {@code publicUrl}/ca (TONGBAN_PUBLIC_URL). */
	public PlatformCa(SigningKeys keys, String publicUrl) {
		this.keys = keys;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
		Crypto.install();
		for (Family f : Family.values()) {
			if (keys.get(rootAlias(f)).isEmpty()) {
				KeyPair root = keys.generate(rootAlias(f), f);
				X500Name name = name("通办平台根证书 " + f.name(), null);
				X509Certificate cert = sign(f, name, root.getPublic(), name, root.getPrivate(), null, Duration.ofDays(365L * 20), Usage.CA);
				keys.certify(rootAlias(f), List.of(cert));
			}
			if (keys.get(issuingAlias(f)).isEmpty()) {
				SigningKeys.Entry root = keys.get(rootAlias(f)).orElseThrow();
				KeyPair issuing = keys.generate(issuingAlias(f), f);
				X509Certificate cert = sign(f, name("通办平台签章证书 " + f.name(), null), issuing.getPublic(),
						X500Name.getInstance(root.certificate().getSubjectX500Principal().getEncoded()), root.key(), root.certificate(),
						Duration.ofDays(365L * 10), Usage.CA);
				keys.certify(issuingAlias(f), List.of(cert, root.certificate()));
			}
		}
	}

	static String rootAlias(Family f) {
		return "root-" + f.name().toLowerCase();
	}

	static String issuingAlias(Family f) {
		return "issuing-" + f.name().toLowerCase();
	}

	public X509Certificate root(Family family) {
		return keys.get(rootAlias(family)).orElseThrow().certificate();
	}

	/** The issuing CA's key: the maker (制章者) of GB/T 38540 seal structures. */
	public SigningKeys.Entry issuingEntry(Family family) {
		return keys.get(issuingAlias(family)).orElseThrow();
	}

	public X509Certificate issuing(Family family) {
		return keys.get(issuingAlias(family)).orElseThrow().certificate();
	}

	public enum Usage { CA, SEAL, TIMESTAMP }

	/** Where the CA of a family and level publishes its CRL, e.g. {@code https://…/ca/p256-issuing.crl}. */
	public String crlUrl(Family family, boolean root) {
		return publicUrl + "/ca/" + family.name().toLowerCase() + (root ? "-root" : "-issuing") + ".crl";
	}

	/** Where the CA of a family and level publishes its certificate. */
	public String certificateUrl(Family family, boolean root) {
		return publicUrl + "/ca/" + family.name().toLowerCase() + (root ? "-root" : "-issuing") + ".cer";
	}

	/**
	 * A certificate revocation list of the family's root (listing issuing CAs) or issuing CA (listing seals), valid for a
	 * day from now: what relying parties (and EU DSS in the tests) check a seal's chain against.
	 */
	public byte[] crl(Family family, boolean root, Collection<BigInteger> revoked) {
		SigningKeys.Entry ca = keys.get(root ? rootAlias(family) : issuingAlias(family)).orElseThrow();
		try {
			Instant now = Instant.now();
			var b = new X509v2CRLBuilder(X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()),
					Date.from(now.minus(Duration.ofMinutes(1))));
			b.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
			for (BigInteger serial : revoked) {
				b.addCRLEntry(serial, Date.from(now), CRLReason.keyCompromise);
			}
			JcaX509ExtensionUtils u = new JcaX509ExtensionUtils();
			b.addExtension(Extension.authorityKeyIdentifier, false, u.createAuthorityKeyIdentifier(ca.certificate()));
			b.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(now.toEpochMilli())));
			return b.build(new JcaContentSignerBuilder(family.signatureAlgorithm()).setProvider(Crypto.PROVIDER).build(ca.key())).getEncoded();
		}
		catch (GeneralSecurityException | OperatorCreationException | IOException e) {
			throw new IllegalStateException("cannot issue a CRL", e);
		}
	}

	/** A new key of the family under the alias, certified by the issuing CA for the given use. */
	public SigningKeys.Entry issue(String alias, Family family, X500Name subject, Duration validity, Usage usage) {
		SigningKeys.Entry issuer = keys.get(issuingAlias(family)).orElseThrow();
		KeyPair pair = keys.generate(alias, family);
		X509Certificate cert = sign(family, subject, pair.getPublic(), X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()),
				issuer.key(), issuer.certificate(), validity, usage);
		List<X509Certificate> chain = new ArrayList<>();
		chain.add(cert);
		chain.addAll(issuer.chain());
		keys.certify(alias, chain);
		return keys.get(alias).orElseThrow();
	}

	/** A seal's key of the family, certified for signing in the department's name (its USCC as serial number). */
	public SigningKeys.Entry issueSeal(String alias, Family family, String department, String uscc, String sealType, Duration validity) {
		X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, department)
			.addRDN(BCStyle.OU, sealType).addRDN(BCStyle.SERIALNUMBER, uscc).addRDN(BCStyle.CN, department + sealType).build();
		return issue(alias, family, subject, validity, Usage.SEAL);
	}

	private static GeneralName uri(String url) {
		return new GeneralName(GeneralName.uniformResourceIdentifier, url);
	}

	public static X500Name name(String commonName, String organisation) {
		X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.O,
				organisation == null ? ORGANISATION : organisation);
		return b.addRDN(BCStyle.CN, commonName).build();
	}

	private X509Certificate sign(Family f, X500Name subject, PublicKey key, X500Name issuer, PrivateKey issuerKey,
			X509Certificate issuerCert, Duration validity, Usage usage) {
		try {
			Instant now = Instant.now();
			X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, random).add(BigInteger.ONE),
					Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)), subject, key);
			JcaX509ExtensionUtils u = new JcaX509ExtensionUtils();
			b.addExtension(Extension.subjectKeyIdentifier, false, u.createSubjectKeyIdentifier(key));
			b.addExtension(Extension.authorityKeyIdentifier, false,
					issuerCert == null ? u.createAuthorityKeyIdentifier(key) : u.createAuthorityKeyIdentifier(issuerCert));
			if (issuerCert != null) {
				// issued by the root (the issuing CA) or by the issuing CA (seals, time-stamp unit): where to find the
				// issuer's CRL and certificate
				boolean byRoot = issuerCert.getSubjectX500Principal().equals(issuerCert.getIssuerX500Principal());
				b.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] { new DistributionPoint(
						new DistributionPointName(new GeneralNames(uri(crlUrl(f, byRoot)))), null, null) }));
				b.addExtension(Extension.authorityInfoAccess, false,
						new AuthorityInformationAccess(AccessDescription.id_ad_caIssuers, uri(certificateUrl(f, byRoot))));
			}
			switch (usage) {
				case CA -> {
					b.addExtension(Extension.basicConstraints, true, new BasicConstraints(issuerCert == null ? 1 : 0));
					b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
				}
				case SEAL -> {
					b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
					b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
				}
				case TIMESTAMP -> {
					b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
					b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
					b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
				}
			}
			return new JcaX509CertificateConverter().setProvider(Crypto.PROVIDER)
				.getCertificate(b.build(new JcaContentSignerBuilder(f.signatureAlgorithm()).setProvider(Crypto.PROVIDER).build(issuerKey)));
		}
		catch (GeneralSecurityException | OperatorCreationException | IOException e) {
			throw new IllegalStateException("cannot certify " + subject, e);
		}
	}
}
