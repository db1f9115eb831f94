import { strict as assert } from "node:assert";
import { requestTemplate, shapeOf, vocabulary } from "../../provider/doctor/shape";

describe("doctor: answer shapes hold no value", () => {
    const answer = {
        userId: "jdoe@example.com",
        firstName: "Jane",
        phoneNumber: "2125550101",
        e164: "+12125550101",
        lineUri: " tel:+31365461212",
        token: "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJqZG9lIn0.c2lnbmF0dXJl",
        host: "m800-fe.ocshost.nl",
        when: "2026-11-28T10:35:50Z",
        count: 3,
        ratio: 0.5,
        enabled: true,
        missing: null,
        "jdoe@example.com": { pin: "135792" },
        items: [{ id: "a1" }, { id: "b2" }, { id: 7 }],
    };

    it("keeps member names and types, and turns each string into its kind and length", () => {
        assert.deepEqual(shapeOf(answer), {
            userId: "string(email, 16)",
            firstName: "string(word, 4)",
            phoneNumber: "string(digits, 10)",
            e164: "string(e164, 12)",
            lineUri: "string(tel-uri, 17, with spaces around it)",
            token: "string(jwt, 53)",
            host: "string(host name, 18)",
            when: "string(date-time, 20)",
            count: "integer",
            ratio: "number",
            enabled: "boolean",
            missing: "null",
            "<string(email, 16)>": { pin: "string(digits, 6)" },
            items: ["3 item(s)", { id: "string(word, 2)" }, { id: "integer" }],
        });
        const text = JSON.stringify(shapeOf(answer));
        for (const value of ["jdoe", "Jane", "ocshost", "2125550101", "31365461212", "eyJhbGci", "135792", "a1", "b2"]) {
            assert.equal(text.includes(value), false, value);
        }
    });

    it("replaces ids in request paths and string query values, keeping the check's own words", () => {
        assert.equal(requestTemplate("GET", "api/users/NzAwNTUxOTA5NzczMTQ4MTYw", { skip: 0, top: 100 }), "GET api/users/{string(opaque, 24)}?skip=0&top=100");
        assert.equal(requestTemplate("GET", "proxy/endpoint/sip:alice@contoso.com"), "GET proxy/endpoint/{string(sip-uri, 21)}");
        assert.equal(requestTemplate("GET", "user/find", { GROUP_ID: "NYC", USER_ID: "jdoe@example.com" }), "GET user/find?GROUP_ID={string(upper-case word, 3)}&USER_ID={string(email, 16)}");
        assert.equal(requestTemplate("PUT", "reseller/getAuthenticatedUser", undefined, "PUT reseller/getAuthenticatedUser"), "PUT reseller/getAuthenticatedUser");
    });

    it("shows a vendor's vocabulary (a status, a time zone) as it is, anything else by kind", () => {
        assert.deepEqual(["ON_HOLD", "America/New_York", "jdoe@example.com", "+12125550101"].map(vocabulary), [
            '"ON_HOLD"', '"America/New_York"', "a string(email, 16)", "a string(e164, 12)",
        ]);
    });
});
