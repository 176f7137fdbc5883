using System.Text.Json.Nodes;
using MissionPlanner.Data;
using MissionPlanner.Tests.Infrastructure;
using MissionPlanner.Web.Tests.Infrastructure;

namespace MissionPlanner.Web.Tests.Api;

/// <summary>What the API accepts, it returns: a tool that reads a resource and writes it back loses nothing.</summary>
public sealed class RoundTripTests
{
    /// <summary>
    /// Writes that are actions, not a resource's fields: what they accept is an instruction (an
    /// import's file, a decision, an email's message), and what they change is read elsewhere.
    /// </summary>
    private static readonly Dictionary<string, string> Actions = new()
    {
        ["POST /api/v1/missions/{missionId}/status"] = "moves the mission along its status; GET shows the status",
        ["POST /api/v1/missions/{missionId}/invitations/import"] = "a spreadsheet to import",
        ["POST /api/v1/missions/{missionId}/delegation/import"] = "a spreadsheet to import",
        ["POST /api/v1/missions/{missionId}/counterparts/import"] = "a spreadsheet to import",
        ["POST /api/v1/missions/{missionId}/counterparts/invitations"] = "emails counterparts their links; GET shows when each was invited",
        ["POST /api/v1/missions/{missionId}/delegation/{registrationId}/decision"] = "an organiser's decision and the message emailed with it",
        ["POST /api/v1/missions/{missionId}/documents"] = "asks for documents to be printed",
        ["POST /api/v1/missions/{missionId}/visits/plan/moves"] = "moves one visitor between groups",
        ["PUT /api/v1/missions/{missionId}/meeting-plan/meetings/{meetingId}"] = "moves a meeting to a slot or a time and place; GET meeting-plan shows where it is",
        ["PUT /api/v1/missions/{missionId}/meeting-plan/meetings/{meetingId}/no-show"] = "marks the side that did not come; GET meeting-plan shows it",
        ["PUT /api/v1/missions/{missionId}/meeting-plan/modes"] = "turns requests and the preference round on or off; GET meeting-plan shows them",
        ["PUT /api/v1/missions/{missionId}/meeting-plan/limits/{personId}"] = "sets a person's meeting cap and priority, which the scheduler honours",
        ["POST /api/v1/missions/{missionId}/ceremonies/{ceremonyId}/run-of-show/remarks"] = "sets every speaker's remarks to a length",
        ["POST /api/v1/missions/{missionId}/ceremonies/{ceremonyId}/run-of-show/{lineId}/shift"] = "moves a line and those after it",
        ["POST /api/v1/missions/{missionId}/travel/import"] = "a spreadsheet to import",
        ["POST /api/v1/missions/{missionId}/travel/transfers/{serviceId}/moves"] = "moves one passenger to another vehicle; GET transfers shows where they are",
        ["PUT /api/v1/missions/{missionId}/travel/{registrationId}/{direction}"] = "sets one arrival or departure; GET travel shows it under the delegate",
        ["POST /api/v1/missions/{missionId}/letters/{letterId}/decline"] = "declines a letter with a reason; GET letters shows the reason as declineReason",
        ["POST /api/v1/missions/{missionId}/rooms/assignments"] = "places a delegate in a room; GET rooms shows the room under the delegate's need and in the block",
        ["POST /api/v1/missions/{missionId}/surveys/{surveyId}/schedule"] = "schedules a survey or takes it back to draft; GET shows its status",
        ["POST /api/v1/public/missions/{missionId}/registrations"] = "a registration, answered the same whether or not the address is known (no read by design)",
    };

    /// <summary>Accepted, deliberately not returned: sent once and not kept as a field of the resource.</summary>
    private static readonly Dictionary<string, string> WriteOnly = new()
    {
        ["POST /api/v1/missions/{missionId}/invitations message"] = "the personal message in the invitation email",
    };

    [Fact]
    public async Task Every_field_a_resource_write_accepts_is_returned_by_its_read()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var document = await (await app.CreateClient().GetAsync("/openapi/v1.json")).ReadAsync();
        var schemas = document["components"]!["schemas"]!.AsObject();
        var paths = document["paths"]!.AsObject();
        var problems = new List<string>();

        foreach (var (path, operations) in paths)
        {
            foreach (var (method, operation) in operations!.AsObject().Where(o => o.Key is "post" or "put"))
            {
                var name = $"{method.ToUpperInvariant()} {path}";
                var accepted = Properties(schemas, operation!["requestBody"]?["content"]?["application/json"]?["schema"]);
                if (accepted is null || Actions.ContainsKey(name))
                {
                    continue;
                }

                var returned = ReadSchema(schemas, paths, path, operation);
                if (returned is null)
                {
                    problems.Add($"{name}: no read returns this resource (add one, or list the write as an action)");
                    continue;
                }

                // A write that names the item to change ("lineId", "agreementId") finds it in the read as "id".
                var missing = accepted.Where(f => !returned.Contains(f) && !WriteOnly.ContainsKey($"{name} {f}")
                                                  && !(f.EndsWith("Id", StringComparison.Ordinal) && path.EndsWith("/" + Plural(f[..^2]), StringComparison.Ordinal) && returned.Contains("id")))
                    .ToList();
                if (missing.Count > 0)
                {
                    problems.Add($"{name}: accepts {string.Join(", ", missing)} but its read does not return them");
                }
            }
        }

        problems.Should().BeEmpty();
    }

    [Theory, AllDatabases]
    public async Task Real_values_written_through_the_API_read_back_the_same(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var (api, _) = await app.ApiClientAsync("ann@example.org");
        var mission = await WriteAsync(api, HttpMethod.Post, "/api/v1/missions", new JsonObject
        {
            ["title"] = "Innovation mission to Delft",
            ["summary"] = "Quantum and chips",
            ["hostCountry"] = "Netherlands",
            ["hostCity"] = "Delft",
            ["timeZoneId"] = "Europe/Amsterdam",
            ["startDate"] = "2027-10-29",
            ["endDate"] = "2027-11-01",
        }, "/api/v1/missions/{id}");
        var m = $"/api/v1/missions/{mission}";
        await WriteAsync(api, HttpMethod.Put, m, new JsonObject
        {
            ["title"] = "Innovation mission to Delft and Eindhoven",
            ["summary"] = "Quantum, chips and photonics",
            ["hostCountry"] = "Netherlands",
            ["hostCity"] = "Eindhoven",
            ["timeZoneId"] = "Europe/Amsterdam",
            ["startDate"] = "2027-10-29",
            ["endDate"] = "2027-11-02",
            ["version"] = 0,
        }, m);
        var lab = await WriteAsync(api, HttpMethod.Post, $"{m}/venues", new JsonObject
        {
            ["name"] = "QuTech",
            ["address"] = "Lorentzweg 1",
            ["city"] = "Delft",
            ["kind"] = "Lab",
            ["latitude"] = 51.9990,
            ["longitude"] = 4.3730,
            ["opensAt"] = "08:30:00",
            ["closesAt"] = "18:00:00",
        }, $"{m}/venues/{{id}}");
        var station = await WriteAsync(api, HttpMethod.Post, $"{m}/venues", new JsonObject
        {
            ["name"] = "Delft station",
            ["address"] = "Van Leeuwenhoeksingel 42",
            ["city"] = "Delft",
            ["kind"] = "Other",
        }, $"{m}/venues/{{id}}");
        await WriteAsync(api, HttpMethod.Put, $"{m}/venues/travel-times", new JsonObject { ["fromVenueId"] = station, ["toVenueId"] = lab, ["minutes"] = 15 },
            $"{m}/venues/travel-times", (read, _) =>
            {
                // A travel time is the same both ways: the list names each pair once, in its own order.
                var pair = read.AsArray().Single(t => new[] { (string)t!["fromVenueId"]!, (string)t["toVenueId"]! }.Order().SequenceEqual(new[] { station, lab }.Order()))!;
                return new JsonObject { ["fromVenueId"] = station, ["toVenueId"] = lab, ["minutes"] = pair["minutes"]!.DeepClone() };
            });
        var leg = await WriteAsync(api, HttpMethod.Post, $"{m}/programme-items", new JsonObject
        {
            ["title"] = "Train to Eindhoven",
            ["description"] = "Intercity, reserved coach",
            ["kind"] = "TravelLeg",
            ["startsAt"] = "2027-10-31T09:12:00",
            ["endsAt"] = "2027-10-31T10:27:00",
            ["venueId"] = station,
            ["capacity"] = 40,
            ["allowsParallel"] = false,
            ["requiresIdScreening"] = false,
            ["dressCode"] = "Smart casual",
            ["contact"] = "Sanne de Wit, +31 6 1234 5678",
            ["travelMode"] = "Train",
            ["carrier"] = "NS Intercity 3541",
            ["meetingPoint"] = "Platform 1, under the clock",
            ["seatOrCoach"] = "Coach 4",
        }, $"{m}/programme-items/{{id}}");
        await WriteAsync(api, HttpMethod.Put, $"{m}/programme-items/{leg}/audience", new JsonObject
        {
            ["audience"] = "Sectors",
            ["audienceSectors"] = new JsonArray("Academia", "Industry"),
            ["audiencePeople"] = new JsonArray(),
        }, $"{m}/programme-items/{leg}");
        var host = await WriteAsync(api, HttpMethod.Post, $"{m}/hosts", new JsonObject
        {
            ["name"] = "QuTech",
            ["contactName"] = "Dr Jane Smith",
            ["contactEmail"] = "jane@qutech.example",
            ["contactPhone"] = "+31 15 278 0000",
        }, $"{m}/hosts", (read, _) => read.AsArray().Single(h => (string)h!["name"]! == "QuTech")!);
        await WriteAsync(api, HttpMethod.Post, $"{m}/visits", new JsonObject
        {
            ["hostId"] = host,
            ["venueId"] = lab,
            ["title"] = "Quantum lab tour",
            ["kind"] = "LabTour",
            ["durationMinutes"] = 60,
            ["minGroupSize"] = 2,
            ["maxGroupSize"] = 8,
            ["parallelGroups"] = 2,
            ["requirements"] = "Gowning",
            ["screeningLeadDays"] = 10,
            ["notes"] = "Bring photo ID.",
            ["windows"] = new JsonArray(new JsonObject { ["startsAt"] = "2027-10-29T10:00:00", ["endsAt"] = "2027-10-29T12:00:00" }),
        }, $"{m}/visits", (read, _) => read.AsArray().Single(v => (string)v!["title"]! == "Quantum lab tour")!);
        await WriteAsync(api, HttpMethod.Post, $"{m}/questions", new JsonObject
        {
            ["prompt"] = "Which lab interests you most?",
            ["kind"] = "SingleChoice",
            ["options"] = new JsonArray("QuTech", "Kavli"),
            ["required"] = true,
        }, $"{m}/questions", (read, _) => read.AsArray().Single(q => (string)q!["prompt"]! == "Which lab interests you most?")!);
        await WriteAsync(api, HttpMethod.Put, $"{m}/registration-schedule", new JsonObject { ["deadline"] = "2027-10-15", ["reminderDays"] = new JsonArray(7, 2) },
            $"{m}/registration-schedule");
        await WriteAsync(api, HttpMethod.Put, $"{m}/registration-mode", new JsonObject { ["mode"] = "ApprovalRequired" }, $"{m}/registration-mode");
        await WriteAsync(api, HttpMethod.Put, $"{m}/delegation/capacity", new JsonObject { ["capacity"] = 45 }, $"{m}/delegation/capacity");
        await WriteAsync(api, HttpMethod.Put, $"{m}/visits/settings", new JsonObject { ["preferencesDeadline"] = "2027-10-20T17:00:00", ["visitsPerParticipant"] = 2 },
            $"{m}/visits/settings");
        await WriteAsync(api, HttpMethod.Put, $"{m}/visits/plan/lock", new JsonObject { ["locked"] = true }, $"{m}/visits/plan/lock");

        await app.AddOrganiserAsync("bob@example.org");
        await WriteAsync(api, HttpMethod.Put, $"{m}/team", new JsonObject { ["email"] = "bob@example.org", ["role"] = "Viewer" },
            $"{m}/team", (read, _) => read.AsArray().Single(t => (string)t!["email"]! == "bob@example.org")!);
        (await api.PostJsonAsync($"{m}/status", new { status = "Open" })).EnsureSuccessStatusCode();
        await WriteAsync(api, HttpMethod.Post, $"{m}/invitations", new JsonObject
        {
            ["email"] = "zoe.muller@uzh.example",
            ["name"] = "Zoë Müller",
            ["organisation"] = "Universität Zürich",
            ["message"] = "We would love to have you.",
        }, $"{m}/invitations", (read, id) => read.AsArray().Single(i => (string)i!["id"]! == id)!, "message");

        var signing = await WriteAsync(api, HttpMethod.Post, $"{m}/programme-items", new JsonObject
        {
            ["title"] = "Signing ceremony: QuTech and TU/e",
            ["kind"] = "SigningCeremony",
            ["startsAt"] = "2027-11-01T15:00:00",
            ["endsAt"] = "2027-11-01T16:00:00",
            ["venueId"] = lab,
            ["capacity"] = 60,
            ["allowsParallel"] = false,
        }, $"{m}/programme-items/{{id}}");
        var ceremony = await WriteAsync(api, HttpMethod.Post, $"{m}/ceremonies", new JsonObject { ["programmeItemId"] = signing }, $"{m}/ceremonies/{{id}}");
        var c = $"{m}/ceremonies/{ceremony}";
        JsonNode In(JsonNode read, string collection, string id) => read[collection]!.AsArray().Single(x => (string)x!["id"]! == id)!;
        var party = await WriteAsync(api, HttpMethod.Post, $"{c}/parties", new JsonObject { ["name"] = "QuTech" }, c, (read, id) => In(read, "parties", id));
        await WriteAsync(api, HttpMethod.Put, c, new JsonObject
        {
            ["convention"] = "HostOnTheLeft",
            ["hostPartyId"] = party,
            ["seatsPerRow"] = 6,
            ["version"] = 0,
        }, c);
        var person = await WriteAsync(api, HttpMethod.Post, $"{c}/people", new JsonObject
        {
            ["role"] = "Witness",
            ["name"] = "Prof. Lieven Vandersypen",
            ["title"] = "Director",
            ["organisation"] = "QuTech",
            ["email"] = "lieven@qutech.example",
            ["partyId"] = party,
            ["rank"] = 5,
            ["tieBreak"] = 2,
            ["speaks"] = true,
        }, c, (read, id) => In(read, "people", id));
        await WriteAsync(api, HttpMethod.Put, $"{c}/people/{person}", new JsonObject { ["partyId"] = party, ["rank"] = 3, ["tieBreak"] = 1, ["speaks"] = false },
            c, (read, _) => In(read, "people", person));
        await WriteAsync(api, HttpMethod.Post, $"{c}/run-of-show", new JsonObject
        {
            ["title"] = "Welcome by the ambassador",
            ["owner"] = "Embassy",
            ["gapBeforeMinutes"] = 5,
            ["minutes"] = 10,
        }, c, (read, id) => In(read, "runOfShow", id));
        await WriteAsync(api, HttpMethod.Post, $"{c}/agreements", new JsonObject
        {
            ["title"] = "Memorandum of understanding on quantum hardware",
            ["languages"] = "English, Dutch",
            ["originals"] = 2,
            ["broughtBy"] = "QuTech",
            ["status"] = "Final",
        }, c, (read, id) => In(read, "agreements", id));
        var task = await WriteAsync(api, HttpMethod.Post, $"{c}/tasks", new JsonObject
        {
            ["title"] = "Bring the signing pens",
            ["owner"] = "Sanne de Wit",
            ["ownerEmail"] = "sanne@example.org",
            ["dueDate"] = "2027-10-30",
        }, c, (read, id) => In(read, "tasks", id));
        await WriteAsync(api, HttpMethod.Put, $"{c}/tasks/{task}", new JsonObject { ["done"] = true }, c, (read, _) => In(read, "tasks", task));
    }

    /// <summary>Sends a write, reads the resource back and checks that every field sent is there with the same value; returns the new resource's id.</summary>
    private static async Task<string> WriteAsync(HttpClient api, HttpMethod method, string url, JsonObject body, string readUrl,
        Func<JsonNode, string, JsonNode>? pick = null, params string[] writeOnly)
    {
        var response = await api.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json") });
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue("{0} {1} answered {2}: {3}", method, url, (int)response.StatusCode, text);
        var id = response.Headers.Location?.ToString().Split('/')[^1]
                 ?? (text.StartsWith('{') ? (string?)JsonNode.Parse(text)!["id"] : null) ?? "";
        var read = await (await api.GetAsync(readUrl.Replace("{id}", id))).ReadAsync();
        read = pick?.Invoke(read, id) ?? read;
        // "version" is the one a write expects to find; the read has the next.
        foreach (var (field, value) in body.Where(f => f.Key != "version" && !writeOnly.Contains(f.Key)))
        {
            Same(value, read[field]).Should().BeTrue("{0} {1} sent {2} = {3}, and the read returned {4}", method, url, field, value?.ToJsonString(),
                read[field]?.ToJsonString() ?? "nothing");
        }

        return id.Length > 0 ? id : (string?)read["id"] ?? "";
    }

    /// <summary>The same value: equal JSON, the same wall-clock time (a local time sent, a time with the mission's offset read), or the same items.</summary>
    private static bool Same(JsonNode? sent, JsonNode? read) => (sent, read) switch
    {
        (null, null) => true,
        (JsonArray a, JsonArray b) => a.Count == b.Count && a.Zip(b).All(p => Same(p.First, p.Second)),
        (JsonObject a, JsonObject b) => a.All(p => Same(p.Value, b[p.Key])),
        (JsonValue a, JsonValue b) when a.TryGetValue<string>(out var x) && b.TryGetValue<string>(out var y) =>
            x == y || (DateTime.TryParse(x, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var local)
                       && DateTimeOffset.TryParse(y, System.Globalization.CultureInfo.InvariantCulture, out var shown) && shown.DateTime == local && !x.EndsWith('Z')),
        (JsonValue a, JsonValue b) => JsonNode.DeepEquals(a, b)
                                       || (a.TryGetValue<double>(out var x) && b.TryGetValue<double>(out var y) && Math.Abs(x - y) < 1e-9),
        _ => false,
    };

    /// <summary>
    /// The fields of what a write's resource reads as: its own response, else the GET of its path, of
    /// the path with the new resource's id, or of the nearest parent (from a list, its items; from a
    /// parent resource, the collection the write's last segment names, e.g. a ceremony's people).
    /// </summary>
    private static HashSet<string>? ReadSchema(JsonObject schemas, JsonObject paths, string path, JsonNode operation)
    {
        if (Properties(schemas, ResponseSchema(operation)) is { } own)
        {
            return own;
        }

        if (paths.Where(p => p.Key.StartsWith(path + "/{", StringComparison.Ordinal) && p.Key.Count(c => c == '/') == path.Count(c => c == '/') + 1)
                .Select(p => p.Value!["get"]).FirstOrDefault(g => g is not null) is { } byId
            && Properties(schemas, ResponseSchema(byId)) is { } created)
        {
            return created;
        }

        var segments = path.Split('/').ToList();
        string? collection = null;
        while (segments.Count > 3)
        {
            var candidate = string.Join('/', segments);
            if (paths[candidate]?["get"] is { } get && Properties(schemas, ResponseSchema(get), collection) is { } found)
            {
                return found;
            }

            var last = segments[^1];
            segments.RemoveAt(segments.Count - 1);
            if (!last.StartsWith('{'))
            {
                collection = string.Concat(last.Split('-').Select((w, i) => i == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));
            }
        }

        return null;
    }

    private static string Plural(string singular) => singular switch
    {
        "line" => "run-of-show",
        _ => singular + "s",
    };

    private static JsonNode? ResponseSchema(JsonNode operation) =>
        (operation["responses"]?["200"] ?? operation["responses"]?["201"])?["content"]?.AsObject().FirstOrDefault().Value?["schema"];

    /// <summary>Property names of a schema (through $ref and arrays); of its <paramref name="collection"/> property's items when given.</summary>
    private static HashSet<string>? Properties(JsonObject schemas, JsonNode? schema, string? collection = null)
    {
        while (schema is not null)
        {
            if (schema["$ref"] is { } reference)
            {
                schema = schemas[((string)reference!).Split('/')[^1]];
            }
            else if (schema["items"] is { } items)
            {
                schema = items;
            }
            else if (collection is not null)
            {
                schema = schema["properties"]?[collection];
                collection = null;
                if (schema is null)
                {
                    return null;
                }
            }
            else
            {
                return schema["properties"]?.AsObject().Select(p => p.Key).ToHashSet();
            }
        }

        return null;
    }
}
