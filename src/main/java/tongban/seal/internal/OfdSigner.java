package tongban.seal.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;

import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.ofdrw.gm.ses.v1.SES_ESPictrueInfo;
import org.ofdrw.gm.ses.v1.SES_Header;
import org.ofdrw.gm.ses.v4.CertInfoList;
import org.ofdrw.gm.ses.v4.SES_CertList;
import org.ofdrw.gm.ses.v4.SES_ESPropertyInfo;
import org.ofdrw.gm.ses.v4.SES_SealInfo;
import org.ofdrw.gm.ses.v4.SESeal;
import org.ofdrw.reader.OFDReader;
import org.ofdrw.sign.OFDSigner;
import org.ofdrw.sign.SignMode;
import org.ofdrw.sign.signContainer.SESV4Container;
import org.ofdrw.sign.stamppos.NormalStampPos;

/**
 * GB/T 38540 electronic seals on OFD with ofdrw: the seal structure (SESeal v4: header "ES", the seal's id, its
 * properties with the seal's SM2 certificate, the seal image, signed by the platform's SM2 issuing CA as the seal's
 * maker) and the signature (SES_Signature over the whole document, SM3withSM2 by the seal's key) with the image
 * placed on the first page. (ofdrw 2.3.1's validator needs the BouncyCastle it was built for; the tests run it as a
 * separate program, decision 0006.)
 */
public final class OfdSigner {

	private OfdSigner() {
	}

	public static byte[] sign(byte[] ofd, SigningKeys.Entry sealKey, SigningKeys.Entry maker, String sealId, String sealName, byte[] png,
			LocalDate validFrom, LocalDate validTo, double xMillimetres, double yMillimetres) {
		try {
			SES_Header header = new SES_Header(new ASN1Integer(4), new DERIA5String("TONGBAN"));
			CertInfoList certs = new CertInfoList();
			certs.add(new DEROctetString(sealKey.certificate().getEncoded()));
			SES_ESPropertyInfo property = new SES_ESPropertyInfo(new ASN1Integer(1), new DERUTF8String(sealName), new ASN1Integer(1),
					new SES_CertList(certs), new ASN1GeneralizedTime(new Date()), time(validFrom), time(validTo));
			SES_ESPictrueInfo picture = new SES_ESPictrueInfo(new DERIA5String("PNG"), new DEROctetString(png), new ASN1Integer(40),
					new ASN1Integer(40));
			SES_SealInfo info = new SES_SealInfo(header, new DERIA5String(sealId), property, picture, null);
			Signature makerSignature = Signature.getInstance("SM3withSM2", Crypto.PROVIDER);
			makerSignature.initSign(maker.key());
			makerSignature.update(info.getEncoded(ASN1Encoding.DER));
			SESeal seal = new SESeal(info, new DEROctetString(maker.certificate().getEncoded()), GMObjectIdentifiers.sm2sign_with_sm3,
					new DERBitString(makerSignature.sign()));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try (OFDReader reader = new OFDReader(new ByteArrayInputStream(ofd)); OFDSigner signer = new OFDSigner(reader, out)) {
				signer.setSignMode(SignMode.WholeProtected);
				signer.setSignContainer(new SESV4Container(sealKey.key(), seal, sealKey.certificate()));
				signer.addApPos(new NormalStampPos(1, xMillimetres, yMillimetres, 40, 40));
				signer.exeSign();
			}
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("cannot seal the OFD", e);
		}
	}

	private static ASN1GeneralizedTime time(LocalDate d) {
		return new ASN1GeneralizedTime(Date.from(d.atStartOfDay().toInstant(ZoneOffset.ofHours(8))));
	}

}
