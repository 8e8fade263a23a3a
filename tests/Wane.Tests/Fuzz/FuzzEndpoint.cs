namespace Wane.Tests.Fuzz;

/// <summary>
/// An API endpoint that takes a JSON body, with valid-shaped templates to mutate. In templates and paths,
/// <c>"__PRODUCT__"</c>, <c>"__DOSE__"</c> and <c>"__PLAN__"</c> become the current user's ids, <c>"__SHARE__"</c> a share
/// given to them (with a COWS allowed), and
/// <c>"__CLIENT__"</c> a fresh client id.
/// </summary>
public sealed record FuzzEndpoint(string Method, string Path, IReadOnlyList<string> Templates, IReadOnlyList<(string Key, string Value)> ExtraKeys)
{
    /// <summary>The route as the OpenAPI document names it, e.g. <c>PUT /api/v1/doses/{id}</c>.</summary>
    public string Route => Method + " " + System.Text.RegularExpressions.Regex.Replace(Path, "__[A-Z]+__", "{id}");

    public override string ToString() => Route;

    private const string Dose = """{"productId":"__PRODUCT__","amount":2.5,"unit":"g","takenAt":"2026-11-25T08:30:00-05:00","meal":"before","reason":"pain","painBefore":3,"note":"after waking"}""";
    private const string Product = """{"name":"Red Bali","kind":"kratom","form":"powder","strain":"red","gramsPerTeaspoon":2.5,"inStock":true,"batch":"A1","concentrated7OH":false}""";
    private const string Opioid = """{"name":"Oxy 5","kind":"opioid","form":"tablet","opioid":"oxycodone","mgPerTablet":5}""";
    private const string Plan = """{"substance":"kratom","startAmount":12,"unit":"g","pace":{"kind":"percent","percent":10},"intervalDays":7,"dosesPerDay":3,"resolution":0.1,"splittable":true,"startDate":"2026-12-01","duration":"weeks-to-months"}""";
    private const string Steps = """{"substance":"kratom","startAmount":10,"unit":"g","pace":{"kind":"steps","amounts":[9,8,6,4,2]},"intervalDays":3}""";
    private const string Phases = """{"phases":[{"substance":"oxycodone","startAmount":30,"unit":"mme","pace":{"kind":"cdc-short"}},{"substance":"kratom","startAmount":8,"unit":"g","pace":{"kind":"linear","amount":1}}]}""";

    private const string Export = """{"format":"wane-export","schemaVersion":1,"exportedAt":"2026-11-25T15:00:00Z","profile":{"name":"x","timeZone":"UTC","dayStartHour":0,"preferredUnit":"g","holdThreshold":11,"holdRise":6,"createdAt":"2026-11-01T00:00:00Z"},"guardrails":null,"products":[{"id":7,"name":"Green Malay","kind":"kratom","strain":null,"form":"powder","opioid":null,"otherClass":null,"gramsPerCapsule":null,"gramsPerTeaspoon":2.5,"mgPerTablet":null,"mgPerMl":null,"concentrated7OH":false,"inStock":true,"batch":null,"favourites":[],"createdAt":"2026-11-01T00:00:00Z","updatedAt":"2026-11-01T00:00:00Z"}],"doses":[{"id":1,"productId":7,"kind":"kratom","amount":2,"unit":"g","takenAt":"2026-11-20T10:00:00Z","meal":null,"reason":null,"painBefore":null,"note":null,"clientId":"__CLIENT__","normalizedAmount":2,"normalizedUnit":"g","normalizationNote":null,"createdAt":"2026-11-20T10:00:00Z","updatedAt":"2026-11-20T10:00:00Z"}],"doseChanges":[],"breaks":[{"id":1,"from":"2026-12-01","to":"2026-12-02","note":null,"createdAt":"2026-11-20T10:00:00Z"}],"plans":[],"checkIns":[{"id":1,"instrument":"daily","takenAt":"2026-11-20T10:00:00Z","answers":{"pain":3,"sleep":3,"mood":3,"craving":2,"note":null},"score":null,"band":null,"redFlags":[],"holdOverriddenAt":null,"createdAt":"2026-11-20T10:00:00Z"}]}""";

    private static readonly (string, string)[] DoseExtras = [("clientId", "\"__CLIENT__\""), ("productId", "999999"), ("unit", "\"capsule\""), ("takenAt", "\"9999-12-31T23:59:59-05:00\"")];
    private static readonly (string, string)[] ProductExtras = [("gramsPerCapsule", "0.5"), ("mgPerTablet", "5"), ("mgPerMl", "1"), ("opioid", "\"oxycodone\""), ("otherClass", "\"alcohol\""), ("form", "\"capsule\"")];
    private static readonly (string, string)[] PlanExtras = [("phases", "[]"), ("pace", "{\"kind\":\"linear\",\"amount\":0.0001}"), ("intervalDays", "1"), ("resolution", "0.0001"), ("startDate", "\"2200-12-31\"")];

    /// <summary>Every endpoint of the API that reads a JSON body.</summary>
    public static readonly IReadOnlyList<FuzzEndpoint> All =
    [
        new("POST", "/api/v1/doses", [Dose, """{"productId":"__PRODUCT__","amount":2,"unit":"g","clientId":"__CLIENT__"}"""], DoseExtras),
        new("POST", "/api/v1/doses/preview", [Dose], DoseExtras),
        new("POST", "/api/v1/doses/repeat", ["""{"productId":"__PRODUCT__","clientId":"__CLIENT__"}"""], [("productId", "999999"), ("clientId", "\"__CLIENT__\"")]),
        new("POST", "/api/v1/doses/repeat/preview", ["""{"productId":"__PRODUCT__"}"""], [("productId", "999999")]),
        new("PUT", "/api/v1/products/__PRODUCT__/favourites", ["""{"favourites":[{"amount":2,"unit":"g"},{"amount":1,"unit":"tsp"}]}"""], [("favourites", "[]")]),
        new("PUT", "/api/v1/doses/__DOSE__", [Dose], DoseExtras),
        new("POST", "/api/v1/products", [Product, Opioid], ProductExtras),
        new("PUT", "/api/v1/products/__PRODUCT__", [Product], ProductExtras),
        // The right password deletes the subject (the fuzz test then starts a new one); anything else must store nothing.
        new("POST", "/api/v1/me/delete", ["""{"password":"correct horse battery"}""", """{"password":"not the password"}"""], [("password", "\"\""), ("password", "null")]),
        new("PUT", "/api/v1/me", ["""{"name":"fuzz","timeZone":"America/New_York","dayStartHour":4,"preferredUnit":"g","holdThreshold":11,"holdRise":6}"""], [("timeZone", "\"Asia/Kathmandu\"")]),
        new("PUT", "/api/v1/guardrails", ["""{"R1":{"enabled":true,"values":{"interval":5,"painThreshold":3}},"S1":{"enabled":false,"values":{"hours":12}},"R4":{"values":{"kratomCap":8}}}"""],
            [("S5", "{\"values\":{\"mme\":90}}"), ("R9", "{}"), ("R2", "{\"enabled\":null}")]),
        new("POST", "/api/v1/breaks", ["""{"from":"2026-12-01","to":"2026-12-03","note":"weekend off"}"""], [("to", "\"2027-12-03\"")]),
        new("POST", "/api/v1/plans/preview", [Plan, Steps, Phases], PlanExtras),
        new("POST", "/api/v1/plans", [Plan, Steps, Phases], PlanExtras),
        new("POST", "/api/v1/plans/__PLAN__/hold", ["""{"from":"2026-12-09","reason":"rough week"}"""], [("from", "\"2026-11-25\"")]),
        new("POST", "/api/v1/checkins", [
            """{"instrument":"sows","takenAt":"2026-11-25T08:30:00-05:00","answers":[0,1,2,3,4,0,1,2,3,4,0,1,2,3,4,0]}""",
            """{"instrument":"cows","answers":[0,1,2,1,0,1,2,0,1,2,3]}""",
            """{"instrument":"daily","answers":{"pain":3,"sleep":3,"mood":2,"craving":5,"note":"ok","redFlags":["liver"]}}""",
        ], [("instrument", "\"daily\""), ("takenAt", "\"0001-01-01T00:00:00Z\"")]),
        new("POST", "/api/v1/shares", ["""{"link":true,"expires":"2026-12-31","pin":"2468","scopes":["plan","checkins"],"label":"Dr Lee"}"""],
            [("to", "\"nobody\""), ("mayEnterCows", "true"), ("scopes", "[\"notes\",\"all\"]"), ("expires", "\"2200-12-31\"")]),
        new("POST", "/api/v1/shared/__SHARE__/checkins", ["""{"instrument":"cows","answers":[1,1,1,1,1,1,0,0,0,0,0]}"""], [("instrument", "\"sows\"")]),
        new("POST", "/api/v1/import", [Export], [("schemaVersion", "2"), ("doses", "[{}]"), ("products", "null"), ("format", "\"csv\"")]),
    ];
}
