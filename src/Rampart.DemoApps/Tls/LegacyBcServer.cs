using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace Rampart.DemoApps.Tls;

/// <summary>One connection's BouncyCastle server: exactly the configured versions and suites, RSA credentials.</summary>
internal sealed class LegacyBcServer(BcTlsCrypto crypto, LegacyTlsOptions options, Certificate chain, AsymmetricKeyParameter key)
    : DefaultTlsServer(crypto)
{
    protected override ProtocolVersion[] GetSupportedVersions() =>
        options.Versions.Order().Select(v => v switch
        {
            LegacyTlsVersion.Tls10 => ProtocolVersion.TLSv10,
            LegacyTlsVersion.Tls11 => ProtocolVersion.TLSv11,
            _ => ProtocolVersion.TLSv12,
        }).Reverse().ToArray();

    protected override int[] GetSupportedCipherSuites() => options.CipherSuites.Select(s => (int)s).ToArray();

    protected override bool PreferLocalCipherSuites() => options.PreferServerOrder;

    protected override TlsCredentialedDecryptor GetRsaEncryptionCredentials() => new BcDefaultTlsCredentialedDecryptor(crypto, chain, key);

    protected override TlsCredentialedSigner GetRsaSignerCredentials()
    {
        // TLS 1.2 signs with a scheme the client offered (RSA PKCS#1 with SHA-256 if it offered it); older versions
        // use the fixed MD5+SHA-1 signature, which BouncyCastle selects when no scheme is given.
        SignatureAndHashAlgorithm? scheme = null;
        if (TlsUtilities.IsTlsV12(m_context))
        {
            var offered = m_context.SecurityParameters.ClientSigAlgs;
            scheme = offered?.FirstOrDefault(a => a.Signature == SignatureAlgorithm.rsa && a.Hash == HashAlgorithm.sha256)
                ?? offered?.FirstOrDefault(a => a.Signature == SignatureAlgorithm.rsa)
                ?? SignatureAndHashAlgorithm.GetInstance(HashAlgorithm.sha1, SignatureAlgorithm.rsa);
        }

        return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(m_context), crypto, key, chain, scheme);
    }
}
