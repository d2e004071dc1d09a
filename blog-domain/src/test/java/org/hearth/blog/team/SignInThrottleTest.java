package org.hearth.blog.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    @Test
    void ipv4AddressesCountOneByOne() {
        assertEquals("203.0.113.7", SignInThrottle.addressKey("203.0.113.7"));
        assertNotEquals(SignInThrottle.addressKey("127.0.0.1"), SignInThrottle.addressKey("127.0.0.2"));
    }

    @Test
    void ipv6AddressesCountByTheirSlash64NetworkWhichOneSubscriberUsuallyHas() {
        assertEquals("2001:db8:1:2:0:0:0:0/64", SignInThrottle.addressKey("2001:db8:1:2:aaaa::1"));
        assertEquals(SignInThrottle.addressKey("2001:db8:1:2::1"), SignInThrottle.addressKey("2001:0db8:0001:0002:ffff:ffff:ffff:ffff"));
        assertNotEquals(SignInThrottle.addressKey("2001:db8:1:2::1"), SignInThrottle.addressKey("2001:db8:1:3::1"));
        assertNotEquals(SignInThrottle.addressKey("::1"), SignInThrottle.addressKey("127.0.0.1"));
    }

    @Test
    void somethingThatIsNoAddressIsCountedAsItIsAndNeverLookedUp() {
        assertEquals("example.org", SignInThrottle.addressKey("example.org"));
        assertEquals("bad::address::", SignInThrottle.addressKey("bad::address::"));
        assertEquals("", SignInThrottle.addressKey(null));
    }
}
