namespace Promptmark.Api.Tests.Engines.Egress;

/// <summary>Hosts and URLs that must never be connected to when no allowlist entry names them.</summary>
public static class HostileUrls
{
    /// <summary>Each is tried both as <c>https://HOST/mcp</c> and <c>http://HOST/</c>.</summary>
    public static readonly string[] Hosts =
    [
        // loopback, every spelling
        "127.0.0.1", "127.0.0.1.", "127.1", "127.0.1", "2130706433", "0x7f000001", "017700000001", "0177.0.0.1",
        "0x7f.0.0.1", "0x7f.1", "0X7F.0X0.0X0.0X1", "0177.1", "0x7f.0.0x0.1", "00000177.0.0.1",
        "127.255.255.254", "127。0。0。1", "127．0．0．1", "localhost", "localhost.", "LOCALHOST", "api.localhost",
        "a.b.localhost.", "[::1]", "[0:0:0:0:0:0:0:1]", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[::127.0.0.1]",
        "[64:ff9b::127.0.0.1]", "[2002:7f00:1::1]",
        // private, link-local, CGNAT
        "10.0.0.1", "10.1", "167772161", "012.0.0.1", "0xa.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1",
        "0xc0.0xa8.1.1", "3232235777", "169.254.169.254", "0xa9fea9fe", "2852039166", "169.254.43518",
        "[::ffff:169.254.169.254]", "[::ffff:a9fe:a9fe]", "[64:ff9b::a9fe:a9fe]", "[2002:a9fe:a9fe::1]",
        "[::ffff:10.0.0.1]", "[::192.168.1.1]", "[2002:c0a8:101::1]", "100.64.0.1", "100.127.255.255",
        // unspecified, broadcast, multicast, reserved, benchmarking, documentation, IETF
        "0.0.0.0", "0", "0x0", "[::]", "255.255.255.255", "4294967295", "224.0.0.1", "239.1.1.1", "240.0.0.1",
        "198.18.0.1", "198.19.1.1", "192.0.2.1", "198.51.100.7", "203.0.113.9", "192.0.0.1",
        // IPv6 ranges
        "[fe80::1]", "[fe80::1%25eth0]", "[fc00::1]", "[fd00::1]", "[fec0::1]", "[ff02::1]", "[2001:db8::1]",
        "[2001::1]", "[2001:0:4136:e378:8000:63bf:3fff:fdd2]",
        // names that mean "inside"
        "metadata.google.internal", "metadata.google.internal.", "metadata", "instance-data", "printer.local",
        "router.lan", "nas.home.arpa", "1.0.0.127.in-addr.arpa", "intranet",
        // numeric-looking but malformed: some resolver would read these as addresses
        "127.0.0.1.1", "0x7g.1", "1.2.3.4.5", "256.256.256.256", "99999999999", "1.2.3.08",
        // percent-encoded hosts
        "%31%32%37.0.0.1", "127.0.0.%31", "%6c%6f%63%61%6c%68%6f%73%74",
    ];

    public static readonly string[] Urls =
    [
        "https://public.example@127.0.0.1/",
        "https://public.example:pass@127.0.0.1/",
        "https://user:pass@mcp.example.com/mcp",
        "https://user@mcp.example.com/mcp",
        "https://mcp.example.com@169.254.169.254/latest/meta-data/",
        "https://mcp.example.com%40127.0.0.1/",
        "http://mcp.example.com/mcp",
        "http://8.8.8.8/",
        "file:///etc/passwd",
        "file://localhost/etc/passwd",
        "gopher://127.0.0.1:6379/_INFO",
        "ftp://ftp.example.com/",
        "ws://mcp.example.com/",
        "wss://mcp.example.com/",
        "dict://127.0.0.1:11211/stat",
        "ldap://127.0.0.1/",
        "javascript:alert(1)",
        "data:text/plain,hi",
        "mcp.example.com/mcp",
        "//mcp.example.com/mcp",
        "/mcp",
        "",
        " ",
        "https://",
        "https:///mcp",
        "https://:443/mcp",
        "https:\\\\127.0.0.1\\mcp",
        "https:/\\127.0.0.1/",
        "https://127.0.0.1\\@mcp.example.com/",
        "https://mcp.example.com\\@127.0.0.1/",
        " https://127.0.0.1/",
        "https://127.0.0.1/ ",
        "https://mcp.example.com\t/",
        "https://mcp.example.com\n.127.0.0.1/",
        "https://mcp.example.com%00.127.0.0.1/",
        "https://127.0.0.1:443/",
        "https://2130706433:3101/",
        "https://[::1]:3101/",
        "https://0x7f.1:3101/",
        "http://127.0.0.1:3102/",
    ];
}
