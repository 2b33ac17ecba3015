// Generated from schemas/: do not edit, run `npm run generate`.

export const SCHEMAS: Record<string, object> = {
  "badge/shields-endpoint.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/badge/shields-endpoint.json",
    "title": "shields.io endpoint badge",
    "description": "The JSON a shields.io endpoint badge reads (https://shields.io/badges/endpoint-badge): schemaVersion 1, a label and a message; the rest optional. conform writes one per run as badge.json.",
    "type": "object",
    "required": ["schemaVersion", "label", "message"],
    "properties": {
      "schemaVersion": { "const": 1 },
      "label": { "type": "string" },
      "message": { "type": "string", "minLength": 1 },
      "color": { "type": "string" },
      "labelColor": { "type": "string" },
      "isError": { "type": "boolean" },
      "namedLogo": { "type": "string" },
      "logoSvg": { "type": "string" },
      "logoColor": { "type": "string" },
      "logoWidth": { "type": "number" },
      "style": { "enum": ["flat", "flat-square", "plastic", "for-the-badge", "social"] },
      "cacheSeconds": { "type": "integer", "minimum": 300 }
    },
    "additionalProperties": false
  },
  "bundle-manifest.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/bundle-manifest.schema.json",
    "title": "conform certify: the manifest of a certification bundle",
    "description": "manifest.json of the folder conform certify --out writes: what was run, against what, measured against which requirement set and documents, and the verdict of each run. conform verify checks it against the bundle's files and this conform's catalogue. No credential is ever in it.",
    "type": "object",
    "required": [
      "format",
      "tool",
      "command",
      "startedAt",
      "durationMs",
      "platform",
      "exitCode",
      "runs"
    ],
    "additionalProperties": false,
    "properties": {
      "format": {
        "const": "conform-certification-bundle/1"
      },
      "tool": {
        "type": "object",
        "required": [
          "name",
          "version"
        ],
        "additionalProperties": false,
        "properties": {
          "name": {
            "const": "conform"
          },
          "version": {
            "type": "string",
            "minLength": 1
          }
        }
      },
      "command": {
        "description": "The command line exactly as given, each secret value (--password, --auth, a credential of the target) replaced by [redacted].",
        "type": "string",
        "pattern": "^conform certify( |$)"
      },
      "startedAt": {
        "type": "string",
        "format": "date-time"
      },
      "durationMs": {
        "type": "integer",
        "minimum": 0
      },
      "platform": {
        "type": "object",
        "required": [
          "os",
          "arch",
          "release",
          "node"
        ],
        "additionalProperties": false,
        "properties": {
          "os": {
            "type": "string",
            "minLength": 1
          },
          "arch": {
            "type": "string",
            "minLength": 1
          },
          "release": {
            "type": "string"
          },
          "node": {
            "type": "string",
            "pattern": "^v[0-9]"
          }
        }
      },
      "exitCode": {
        "description": "The exit code of the certify run (as conform test's: 0 passed, 1 a MUST failed, 2 not run or not complete).",
        "type": "integer",
        "minimum": 0
      },
      "runs": {
        "type": "array",
        "minItems": 1,
        "items": {
          "$ref": "#/$defs/run"
        }
      }
    },
    "$defs": {
      "sha256": {
        "type": "string",
        "pattern": "^[0-9a-f]{64}$"
      },
      "transport": {
        "enum": [
          "http",
          "ws",
          "mqtt"
        ]
      },
      "relativePath": {
        "description": "A path inside the bundle, with / separators, never leaving it.",
        "type": "string",
        "pattern": "^(\\.|(?!/)(?!.*(^|/)\\.\\.(/|$))[A-Za-z0-9._/-]+)$"
      },
      "run": {
        "type": "object",
        "required": [
          "dir",
          "family",
          "target",
          "transports",
          "profile",
          "baseline",
          "catalogue",
          "verdict"
        ],
        "additionalProperties": false,
        "properties": {
          "dir": {
            "description": "The run's folder in the bundle (its conformance.json, conformance.html, junit.xml, summary.md, transcripts/).",
            "$ref": "#/$defs/relativePath"
          },
          "family": {
            "$ref": "families.schema.json#/$defs/family"
          },
          "target": {
            "type": "object",
            "required": [
              "name",
              "endpoints"
            ],
            "additionalProperties": false,
            "properties": {
              "name": {
                "type": "string"
              },
              "endpoints": {
                "description": "Each endpoint tested, with user:password@ and secret query parameters removed.",
                "$ref": "report.schema.json#/properties/target/properties/endpoints"
              }
            }
          },
          "transports": {
            "description": "The transports tested.",
            "type": "array",
            "items": {
              "$ref": "#/$defs/transport"
            },
            "uniqueItems": true
          },
          "profile": {
            "description": "The real-server profile the run excused failures by (the --baseline profile's name), or null.",
            "type": [
              "string",
              "null"
            ]
          },
          "baseline": {
            "description": "The baseline the run used, shipped in the bundle, or null.",
            "oneOf": [
              {
                "type": "null"
              },
              {
                "type": "object",
                "required": [
                  "file",
                  "sha256"
                ],
                "additionalProperties": false,
                "properties": {
                  "file": {
                    "$ref": "#/$defs/relativePath"
                  },
                  "sha256": {
                    "$ref": "#/$defs/sha256"
                  }
                }
              }
            ]
          },
          "catalogue": {
            "description": "The requirement set the run was measured against (src/specs/catalogue-identity.ts).",
            "type": "object",
            "required": [
              "family",
              "version",
              "sha256",
              "requirements",
              "documents"
            ],
            "additionalProperties": false,
            "properties": {
              "family": {
                "$ref": "families.schema.json#/$defs/family"
              },
              "version": {
                "type": "integer",
                "minimum": 1
              },
              "sha256": {
                "description": "SHA-256 of the catalogue in canonical JSON (keys sorted, no white space).",
                "$ref": "#/$defs/sha256"
              },
              "requirements": {
                "description": "Requirement id \u2192 SHA-256 of the requirement in canonical JSON.",
                "type": "object",
                "minProperties": 1,
                "additionalProperties": {
                  "$ref": "#/$defs/sha256"
                }
              },
              "documents": {
                "description": "Seed document (specs/seeds/) \u2192 SHA-256 of its bytes.",
                "type": "object",
                "minProperties": 1,
                "additionalProperties": {
                  "$ref": "#/$defs/sha256"
                }
              }
            }
          },
          "verdict": {
            "type": "object",
            "required": [
              "result",
              "summary"
            ],
            "additionalProperties": false,
            "properties": {
              "result": {
                "description": "passed: no MUST requirement failed; failed: one did; incomplete: the run stopped early or ran no test.",
                "enum": [
                  "passed",
                  "failed",
                  "incomplete"
                ]
              },
              "summary": {
                "$ref": "report.schema.json#/properties/summary"
              },
              "stopped": {
                "type": "object",
                "required": [
                  "stage",
                  "code",
                  "reason"
                ],
                "additionalProperties": false,
                "properties": {
                  "stage": {
                    "enum": [
                      "pre-flight",
                      "run"
                    ]
                  },
                  "code": {
                    "type": "string"
                  },
                  "reason": {
                    "type": "string"
                  }
                }
              }
            }
          }
        }
      }
    }
  },
  "catalogue.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/catalogue.schema.json",
    "title": "Requirement catalogue of one API family",
    "description": "specs/catalogue/<family>.yaml: every checkable statement of the family's documents, the statements judged informative or not checkable black-box, and the research checklist items left out.",
    "type": "object",
    "required": ["family", "version", "title", "seeds", "operations", "requirements", "notCheckable", "informative", "leftOut"],
    "additionalProperties": false,
    "properties": {
      "family": { "$ref": "#/$defs/family" },
      "version": {
        "description": "The version of this family's requirement set: raised by one whenever a requirement is added, removed or changed, so a certificate names the set it was measured against (its content hash, src/specs/catalogue-identity.ts, says whether the set is still the same).",
        "type": "integer",
        "minimum": 1
      },
      "title": { "type": "string", "minLength": 1 },
      "seeds": {
        "description": "The seed documents of this family (file names in specs/seeds/).",
        "type": "array",
        "minItems": 1,
        "items": { "$ref": "#/$defs/seedFile" }
      },
      "operations": {
        "description": "Operations named by requirement.operation; '*' is implicit and means every operation of the family.",
        "type": "array",
        "minItems": 1,
        "items": {
          "type": "object",
          "required": ["name", "title", "transports"],
          "additionalProperties": false,
          "properties": {
            "name": { "type": "string", "pattern": "^[A-Za-z][A-Za-z0-9:/_.-]*$" },
            "title": { "type": "string", "minLength": 1 },
            "transports": { "$ref": "#/$defs/transports" }
          }
        }
      },
      "requirements": {
        "type": "array",
        "minItems": 1,
        "items": { "$ref": "#/$defs/requirement" }
      },
      "notCheckable": {
        "description": "Document statements that are normative but cannot be checked from outside the server, with why.",
        "type": "array",
        "items": {
          "type": "object",
          "required": ["source", "why"],
          "additionalProperties": false,
          "properties": {
            "source": { "$ref": "#/$defs/seedSource" },
            "why": { "type": "string", "minLength": 10 }
          }
        }
      },
      "informative": {
        "description": "Document text that states nothing checkable (titles, descriptions, layout), listed so that every line of a seed is accounted for.",
        "type": "array",
        "items": {
          "type": "object",
          "required": ["source", "why"],
          "additionalProperties": false,
          "properties": {
            "source": { "$ref": "#/$defs/seedSource" },
            "why": { "type": "string", "minLength": 3 }
          }
        }
      },
      "leftOut": {
        "description": "Research checklist items (../shared/research) deliberately not turned into requirements.",
        "type": "array",
        "items": {
          "type": "object",
          "required": ["research", "why"],
          "additionalProperties": false,
          "properties": {
            "research": { "$ref": "#/$defs/researchItem" },
            "why": { "type": "string", "minLength": 10 }
          }
        }
      }
    },
    "$defs": {
      "family": { "$ref": "families.schema.json#/$defs/family" },
      "transport": { "enum": ["http", "ws", "mqtt"] },
      "transports": {
        "type": "array",
        "minItems": 1,
        "uniqueItems": true,
        "items": { "$ref": "#/$defs/transport" }
      },
      "seedFile": { "type": "string", "pattern": "^[0-9]{3}_[0-9a-f]{16}\\.txt$" },
      "researchItem": {
        "description": "A checklist item of ../shared/research: kuzzle#<n> (kuzzle.md section 11), devicehive#<n> (devicehive.md section 9), userapi#<n> (the items listed in specs/research-items.yaml for userapi.md section 1.6).",
        "type": "string",
        "pattern": "^(kuzzle|devicehive|userapi)#[0-9]+$"
      },
      "seedSource": {
        "type": "object",
        "required": ["seed", "quote"],
        "additionalProperties": false,
        "properties": {
          "seed": { "$ref": "#/$defs/seedFile" },
          "quote": {
            "description": "Text that occurs in the seed file (compared with runs of white space collapsed to one space).",
            "type": "string",
            "minLength": 3
          }
        }
      },
      "referenceSource": {
        "type": "object",
        "required": ["reference", "citation"],
        "additionalProperties": false,
        "properties": {
          "reference": {
            "description": "Where the research records the real server's behaviour, e.g. 'kuzzle.md §3.2'.",
            "type": "string",
            "pattern": "^(kuzzle|devicehive|userapi)\\.md §[0-9.]+$"
          },
          "citation": {
            "description": "The real server's code or test cited by the research, e.g. 'lib/api/funnel.js:612-621'.",
            "type": "string",
            "minLength": 5
          }
        }
      },
      "requirement": {
        "type": "object",
        "required": ["id", "operation", "transports", "level", "category", "title", "source"],
        "additionalProperties": false,
        "properties": {
          "id": {
            "description": "Stable id: <family>.<operation short name>.<category>.<slug>, never reused for another meaning.",
            "type": "string",
            "pattern": "^(kuzzle|devicehive|userapi)\\.[A-Za-z*][A-Za-z0-9]*\\.(route|deprecated-alias|default|field-exclusion|role-restriction|envelope|validation|auth|transport)\\.[a-z0-9][a-z0-9-]*$"
          },
          "operation": { "type": "string", "minLength": 1 },
          "transports": { "$ref": "#/$defs/transports" },
          "level": { "enum": ["MUST", "SHOULD", "MAY"] },
          "category": {
            "enum": ["route", "deprecated-alias", "default", "field-exclusion", "role-restriction", "envelope", "validation", "auth", "transport"]
          },
          "title": {
            "description": "One sentence a report can show: what an implementation must do.",
            "type": "string",
            "minLength": 10
          },
          "source": { "oneOf": [{ "$ref": "#/$defs/seedSource" }, { "$ref": "#/$defs/referenceSource" }] },
          "also": {
            "description": "Further document sentences the same requirement rests on.",
            "type": "array",
            "items": { "$ref": "#/$defs/seedSource" }
          },
          "check": {
            "description": "How a black-box test observes it: the request sent and what the response or a later read must show.",
            "type": "string",
            "minLength": 10
          },
          "schema": {
            "description": "Schema file (relative to schemas/) the response or request is validated against, when the requirement is about a shape.",
            "type": "string",
            "pattern": "^[a-z]+/[a-z0-9.-]+\\.json(#.*)?$"
          },
          "research": {
            "type": "array",
            "items": { "$ref": "#/$defs/researchItem" }
          }
        }
      }
    }
  },
  "devicehive/authenticate.request.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/devicehive/authenticate.request.json",
    "title": "DeviceHive: authenticate request message (WebSocket, and MQTT on dh/request)",
    "description": "Authenticates the WebSocket session (or the MQTT client's session) with an access JWT; later messages run as that user. The response is ws-response.json with action \"authenticate\".",
    "type": "object",
    "required": ["action", "token"],
    "properties": {
      "action": { "const": "authenticate" },
      "requestId": { "$ref": "ws-request.json#/$defs/requestId" },
      "token": { "$ref": "token.json#/$defs/jwt" }
    }
  },
  "devicehive/error.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/devicehive/error.json",
    "title": "DeviceHive: REST error body",
    "description": "{\"error\": <HTTP status code>, \"message\": \"<text>\"}, the body of the REST API's 4xx and 5xx answers (catalogue devicehive.all.envelope.http-error).",
    "type": "object",
    "required": ["error", "message"],
    "properties": {
      "error": {
        "description": "The HTTP status code of the response.",
        "type": "integer",
        "minimum": 400,
        "maximum": 599
      },
      "message": { "description": "Human-readable reason.", "type": "string" }
    }
  },
  "devicehive/info.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/devicehive/info.json",
    "title": "DeviceHive: GET /info answer",
    "description": "Server information; webSocketServerUrl names the WebSocket endpoint (ws://host:port/<context>/websocket).",
    "type": "object",
    "required": ["apiVersion"],
    "properties": {
      "apiVersion": { "type": "string" },
      "serverTimestamp": { "type": "string" },
      "webSocketServerUrl": { "type": "string", "format": "uri" }
    }
  },
  "devicehive/token.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/devicehive/token.json",
    "title": "DeviceHive: token requests and responses (fixtures)",
    "description": "POST /token, POST /token/refresh, POST /token/create and the WebSocket actions token and token/create. Supporting routes a test needs to obtain access tokens; not part of the user-update documents. The root accepts any of these messages; the definitions are in $defs.",
    "anyOf": [
      { "$ref": "#/$defs/tokenRequest" },
      { "$ref": "#/$defs/tokenResponse" },
      { "$ref": "#/$defs/tokenRefreshRequest" },
      { "$ref": "#/$defs/tokenRefreshResponse" },
      { "$ref": "#/$defs/tokenCreateRequest" },
      { "$ref": "#/$defs/wsTokenRequest" },
      { "$ref": "#/$defs/wsTokenCreateRequest" },
      { "$ref": "#/$defs/wsTokenResponse" }
    ],
    "$defs": {
      "jwt": {
        "description": "A JSON Web Token in compact serialisation (header.payload.signature, base64url).",
        "type": "string",
        "pattern": "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*$"
      },
      "tokenRequest": {
        "description": "POST /token body: login and password of an active user.",
        "type": "object",
        "required": ["login", "password"],
        "properties": {
          "login": { "$ref": "user-update.json#/$defs/login" },
          "password": { "$ref": "user-update.json#/$defs/password" }
        }
      },
      "tokenResponse": {
        "description": "POST /token and POST /token/create answer (201).",
        "type": "object",
        "required": ["accessToken", "refreshToken"],
        "properties": { "accessToken": {"$ref": "#/$defs/jwt"}, "refreshToken": {"$ref": "#/$defs/jwt"} }
      },
      "tokenRefreshRequest": {
        "description": "POST /token/refresh body.",
        "type": "object",
        "required": ["refreshToken"],
        "properties": { "refreshToken": {"$ref": "#/$defs/jwt"} }
      },
      "tokenRefreshResponse": {
        "description": "POST /token/refresh answer (201).",
        "type": "object",
        "required": ["accessToken"],
        "properties": { "accessToken": {"$ref": "#/$defs/jwt"} }
      },
      "tokenCreateRequest": {
        "description": "POST /token/create body (needs ManageToken): mints tokens for userId with the given actions (names such as \"UpdateCurrentUser\" or numeric ids; \"*\" for all).",
        "type": "object",
        "required": ["userId"],
        "properties": {
          "userId": { "$ref": "user-update.json#/$defs/userId" },
          "actions": { "type": "array", "items": {"anyOf": [{"type": "string"}, {"type": "integer"}]} },
          "networkIds": { "type": "array", "items": {"anyOf": [{"type": "string"}, {"type": "integer"}]} },
          "deviceTypeIds": { "type": "array", "items": {"anyOf": [{"type": "string"}, {"type": "integer"}]} },
          "expiration": { "type": "string" },
          "refreshExpiration": { "type": "string" }
        }
      },
      "wsTokenRequest": {
        "description": "WebSocket action token: {action:\"token\", login, password}.",
        "type": "object",
        "required": ["action", "login", "password"],
        "properties": {
          "action": { "const": "token" },
          "requestId": { "$ref": "ws-request.json#/$defs/requestId" },
          "login": { "$ref": "user-update.json#/$defs/login" },
          "password": { "$ref": "user-update.json#/$defs/password" }
        }
      },
      "wsTokenCreateRequest": {
        "description": "WebSocket action token/create: {action:\"token/create\", payload:{userId, actions, ...}}.",
        "type": "object",
        "required": ["action", "payload"],
        "properties": {
          "action": { "const": "token/create" },
          "requestId": { "$ref": "ws-request.json#/$defs/requestId" },
          "payload": { "$ref": "#/$defs/tokenCreateRequest" }
        }
      },
      "wsTokenResponse": {
        "description": "Success answer of the WebSocket actions token and token/create (errors: ws-response.json#/$defs/error).",
        "type": "object",
        "required": ["action", "status", "accessToken"],
        "properties": {
          "action": { "enum": ["token", "token/create"] },
          "requestId": { "$ref": "ws-request.json#/$defs/requestId" },
          "status": { "const": "success" },
          "accessToken": { "$ref": "#/$defs/jwt" },
          "refreshToken": { "$ref": "#/$defs/jwt" }
        }
      }
    }
  },
  "devicehive/user-update-current.request.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/devicehive/user-update-current.request.json",
    "title": "DeviceHive: user/updateCurrent request message (WebSocket, and MQTT on dh/request)",
    "type": "object",
    "required": ["action", "user"],
    "properties": {
      "action": { "const": "user/updateCurrent" },
      "requestId": { "$ref": "ws-request.json#/$defs/requestId" },
      "user": { "$ref": "user-update.json" }
    }
  },
  "devicehive/user-update-current.response.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/devicehive/user-update-current.response.json",
    "title": "DeviceHive: user/updateCurrent response message (WebSocket, and MQTT on dh/response/user/updateCurrent@{clientId})",
    "description": "Success: {action: \"user/updateCurrent\", requestId, status: \"success\"}; error: the same with status \"error\" (and, on the reference server, code and error).",
    "allOf": [
      { "$ref": "ws-response.json" },
      { "type": "object", "required": ["action"], "properties": {"action": {"const": "user/updateCurrent"}} }
    ]
  },
  "devicehive/user-update.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/devicehive/user-update.json",
    "title": "DeviceHive: User update resource",
    "description": "Body of PUT /user/{id} and PUT /user/current, and the 'user' object of the WebSocket/MQTT actions user/updateCurrent and user/update. Every property is optional. JSON null is accepted and treated as absent (for data: cleared) by the reference server; the documents are silent about null. Unknown properties are ignored (catalogue devicehive.updateCurrent.validation.unknown-fields), so they are allowed here.",
    "type": "object",
    "properties": {
      "login": { "anyOf": [{"$ref": "#/$defs/login"}, {"type": "null"}] },
      "role": { "anyOf": [{"$ref": "#/$defs/role"}, {"type": "null"}] },
      "status": { "anyOf": [{"$ref": "#/$defs/status"}, {"type": "null"}] },
      "password": { "anyOf": [{"$ref": "#/$defs/password"}, {"type": "null"}] },
      "data": { "anyOf": [{"$ref": "#/$defs/data"}, {"type": "null"}] },
      "introReviewed": { "anyOf": [{"$ref": "#/$defs/introReviewed"}, {"type": "null"}] }
    },
    "$defs": {
      "userId": {
        "description": "User identifier (REST path id, WebSocket userId, the id of a User resource).",
        "type": "integer"
      },
      "login": { "description": "User login using during authentication.", "type": "string" },
      "role": { "description": "User role. Available values: 0: Administrator role, 1: Client role.", "enum": [0, 1] },
      "status": {
        "description": "User status. Available values: 0: The user is active, 1: The user has been locked out due to invalid login attempts, 2: The user has been disabled.",
        "enum": [0, 1, 2]
      },
      "password": {
        "description": "User new password. The documents state no length rule; the reference server accepts 6 to 128 characters (catalogue devicehive.updateCurrent.validation.password-length).",
        "type": "string"
      },
      "data": { "description": "User data, a JSON object with an arbitrary structure.", "type": "object" },
      "introReviewed": { "description": "Indicates if user reviewed an intro.", "type": "boolean" }
    }
  },
  "devicehive/user-update.request.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/devicehive/user-update.request.json",
    "title": "DeviceHive: user/update request message (WebSocket)",
    "description": "Updates the user userId; needs an access token with ManageUser on the reference server.",
    "type": "object",
    "required": ["action", "userId", "user"],
    "properties": {
      "action": { "const": "user/update" },
      "requestId": { "$ref": "ws-request.json#/$defs/requestId" },
      "userId": { "$ref": "user-update.json#/$defs/userId" },
      "user": { "$ref": "user-update.json" }
    }
  },
  "devicehive/user-update.response.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/devicehive/user-update.response.json",
    "title": "DeviceHive: user/update response message (WebSocket)",
    "allOf": [
      { "$ref": "ws-response.json" },
      { "type": "object", "required": ["action"], "properties": {"action": {"const": "user/update"}} }
    ]
  },
  "devicehive/user.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/devicehive/user.json",
    "title": "DeviceHive: User resource as read back (GET /user/current, GET /user/{id}, WebSocket user/getCurrent)",
    "description": "What a test reads to observe an update. Fields the reference server also returns (lastLogin, allDeviceTypesAvailable, networks) are allowed, not required.",
    "type": "object",
    "required": ["id", "login", "role", "status"],
    "properties": {
      "id": { "$ref": "user-update.json#/$defs/userId" },
      "login": { "$ref": "user-update.json#/$defs/login" },
      "role": { "$ref": "user-update.json#/$defs/role" },
      "status": { "$ref": "user-update.json#/$defs/status" },
      "data": { "anyOf": [{"$ref": "user-update.json#/$defs/data"}, {"type": "null"}] },
      "introReviewed": { "$ref": "user-update.json#/$defs/introReviewed" },
      "lastLogin": { "anyOf": [{"type": "string"}, {"type": "null"}] },
      "allDeviceTypesAvailable": { "type": "boolean" },
      "networks": { "type": "array" }
    },
    "$defs": {
      "userCreateRequest": {
        "description": "POST /user body (admin, needs ManageUser): a fixture user.",
        "type": "object",
        "required": ["login", "role"],
        "properties": {
          "login": { "$ref": "user-update.json#/$defs/login" },
          "password": { "$ref": "user-update.json#/$defs/password" },
          "role": { "$ref": "user-update.json#/$defs/role" },
          "status": { "$ref": "user-update.json#/$defs/status" },
          "data": { "anyOf": [{"$ref": "user-update.json#/$defs/data"}, {"type": "null"}] },
          "introReviewed": { "$ref": "user-update.json#/$defs/introReviewed" }
        }
      },
      "userCreateResponse": {
        "description": "POST /user answer (201): at least the new id.",
        "type": "object",
        "required": ["id"],
        "properties": { "id": {"$ref": "user-update.json#/$defs/userId"} }
      },
      "wsUserGetCurrentRequest": {
        "type": "object",
        "required": ["action"],
        "properties": { "action": {"const": "user/getCurrent"}, "requestId": {"$ref": "ws-request.json#/$defs/requestId"} }
      },
      "wsUserGetCurrentResponse": {
        "description": "Success answer of user/getCurrent: the user under the key current.",
        "type": "object",
        "required": ["action", "status", "current"],
        "properties": {
          "action": { "const": "user/getCurrent" },
          "requestId": { "$ref": "ws-request.json#/$defs/requestId" },
          "status": { "const": "success" },
          "current": { "$ref": "#" }
        }
      }
    }
  },
  "devicehive/ws-request.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/devicehive/ws-request.json",
    "title": "DeviceHive: any WebSocket/MQTT request message",
    "description": "A JSON object with the action name, an optional requestId (echoed in the response) and the action's parameters. Over MQTT it is published to dh/request and forwarded verbatim to the WebSocket API.",
    "type": "object",
    "required": ["action"],
    "properties": { "action": {"$ref": "#/$defs/action"}, "requestId": {"$ref": "#/$defs/requestId"} },
    "$defs": {
      "action": { "description": "WebSocket/MQTT action name, e.g. user/updateCurrent.", "type": "string", "minLength": 1 },
      "requestId": {
        "description": "Request unique identifier, will be passed back in the response message. The documents type it 'object' (readme.io's word for an arbitrary JSON value); clients send strings, numbers or objects and the value is echoed verbatim."
      }
    }
  },
  "devicehive/ws-response.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/devicehive/ws-response.json",
    "title": "DeviceHive: any WebSocket/MQTT response message",
    "description": "Success {action, requestId, status: \"success\", ...results} or error {action, requestId, status: \"error\", code, error}. The documents list action, requestId and status; code and error are what the reference server adds on errors (catalogue devicehive.updateCurrent.envelope.message-error-fields). A response to text that is not a JSON object carries no action.",
    "oneOf": [{"$ref": "#/$defs/wsSuccess"}, {"$ref": "#/$defs/wsError"}],
    "$defs": {
      "wsSuccess": {
        "type": "object",
        "required": ["action", "status"],
        "properties": {
          "action": { "$ref": "ws-request.json#/$defs/action" },
          "requestId": { "$ref": "ws-request.json#/$defs/requestId" },
          "status": { "const": "success" }
        }
      },
      "wsError": {
        "type": "object",
        "required": ["status"],
        "properties": {
          "action": { "anyOf": [{"$ref": "ws-request.json#/$defs/action"}, {"type": "null"}] },
          "requestId": { "$ref": "ws-request.json#/$defs/requestId" },
          "status": { "const": "error" },
          "code": { "description": "An HTTP-like status code (400, 401, 403, 404, 500).", "type": "integer" },
          "error": { "description": "Human-readable reason.", "type": "string" }
        }
      }
    }
  },
  "examples.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/examples.schema.json",
    "title": "Examples and counter-examples of one API family",
    "type": "object",
    "required": ["family", "examples", "counterexamples"],
    "additionalProperties": false,
    "properties": {
      "family": { "$ref": "families.schema.json#/$defs/family" },
      "examples": {
        "type": "array",
        "minItems": 1,
        "items": {
          "type": "object",
          "required": ["id", "seed", "quote", "parse", "schema"],
          "additionalProperties": false,
          "properties": {
            "id": { "type": "string", "pattern": "^[a-z]+\\.[A-Za-z0-9._-]+$" },
            "seed": { "type": "string", "pattern": "^[0-9]{3}_[0-9a-f]{16}\\.txt$" },
            "quote": { "type": "string", "minLength": 2 },
            "parse": { "enum": ["js", "json", "template", "curl-json", "curl-form", "curl-form-json"] },
            "schema": { "$ref": "#/$defs/schemaRef" },
            "substitute": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["pointer", "value", "why"],
                "additionalProperties": false,
                "properties": {
                  "pointer": { "type": "string", "pattern": "^(/[^/]*)+$" },
                  "value": true,
                  "why": { "type": "string", "minLength": 10 }
                }
              }
            }
          }
        }
      },
      "counterexamples": {
        "type": "array",
        "minItems": 1,
        "items": {
          "type": "object",
          "required": ["schema", "why", "instance", "error"],
          "additionalProperties": false,
          "properties": {
            "schema": { "$ref": "#/$defs/schemaRef" },
            "why": { "type": "string", "minLength": 5 },
            "instance": true,
            "error": {
              "description": "The error ajv must report (among its errors): the failing keyword at this instance path.",
              "type": "object",
              "required": ["keyword", "instancePath"],
              "additionalProperties": false,
              "properties": {
                "keyword": { "type": "string", "minLength": 1 },
                "instancePath": { "type": "string", "pattern": "^(/[^/]*)*$" }
              }
            }
          }
        }
      }
    },
    "$defs": {
      "schemaRef": { "type": "string", "pattern": "^[a-z]+/[a-z0-9.-]+\\.json(#/[A-Za-z0-9/_.$-]*)?$" }
    }
  },
  "families.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/families.schema.json",
    "title": "The API families conform knows",
    "description": "Generated from src/families/registry.ts: do not edit, run `npm run generate`.",
    "$defs": {
      "family": {
        "enum": [
          "kuzzle",
          "devicehive",
          "userapi"
        ]
      }
    }
  },
  "kuzzle/check-token.body.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/kuzzle/check-token.body.json",
    "title": "auth:checkToken: request body",
    "description": "{token}; no token (the SDK sends {}) means the anonymous token.",
    "type": "object",
    "properties": {
      "token": { "type": ["string", "null"] }
    }
  },
  "kuzzle/check-token.result.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/kuzzle/check-token.result.json",
    "title": "auth:checkToken: result",
    "description": "Valid: {valid: true, kuid, expiresAt} (expiresAt null for the anonymous token); invalid: {valid: false, state}.",
    "type": "object",
    "required": ["valid"],
    "properties": {
      "valid": { "type": "boolean" },
      "kuid": { "$ref": "common.json#/$defs/kuid" },
      "expiresAt": { "type": ["number", "null"] },
      "state": { "type": "string" }
    },
    "if": {
      "type": "object",
      "required": ["valid"],
      "properties": { "valid": { "const": true } }
    },
    "then": { "type": "object", "required": ["kuid"], "properties": { "kuid": true } },
    "else": { "type": "object", "required": ["state"], "properties": { "state": true } }
  },
  "kuzzle/common.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/kuzzle/common.json",
    "title": "Kuzzle 2: shared definitions",
    "description": "Definitions shared by the Kuzzle request, result and envelope schemas. Nothing at the top level: reference a $defs entry.",
    "$defs": {
      "kuid": {
        "description": "Kuzzle user identifier (kuid). The anonymous user is \"-1\".",
        "type": "string",
        "minLength": 1
      },
      "profileId": {
        "description": "Security profile identifier (the `_id` argument of security:updateProfile).",
        "type": "string",
        "minLength": 1
      },
      "roleId": {
        "description": "Security role identifier.",
        "type": "string",
        "minLength": 1
      },
      "jwt": {
        "description": "Authentication token returned by auth:login (over HTTP it goes into `Authorization: Bearer <jwt>` instead).",
        "type": "string"
      },
      "requestId": {
        "description": "Request identifier: chosen by the client over WebSocket/MQTT, generated (UUID v4) by the server over HTTP unless the X-Kuzzle-Request-Id header gives one.",
        "type": "string"
      },
      "refresh": {
        "description": "`wait_for` (the default): the server answers only once the change is indexed. Kuzzle 2.56 also accepts `false` and ignores any other value.",
        "anyOf": [{ "type": "string" }, { "type": "boolean" }],
        "default": "wait_for"
      },
      "retryOnConflict": {
        "description": "Number of retries on an update conflict in the storage layer (default 10).",
        "type": "integer",
        "minimum": 0,
        "default": 10
      },
      "volatile": {
        "description": "Volatile data: echoed in the response envelope.",
        "type": ["object", "null"]
      },
      "errorObject": {
        "description": "The Kuzzle error object (KuzzleError.toJSON). `id`, `code` and `props` are present on every error raised by the actions in scope; `stack` only in development mode.",
        "type": "object",
        "required": ["message", "status"],
        "properties": {
          "id": {
            "description": "domain.subdomain.error, e.g. security.rights.unauthorized",
            "type": "string",
            "pattern": "^[a-z_]+\\.[a-z_]+\\.[a-z_]+$"
          },
          "code": { "type": "integer" },
          "message": { "type": "string" },
          "status": { "type": "integer", "minimum": 400, "maximum": 599 },
          "props": { "type": "array" },
          "stack": { "type": "string" }
        }
      },
      "kuzzleInfo": {
        "description": "Metadata the server keeps on users, profiles and roles. Kept loose: values depend on how and by whom the document was written.",
        "type": "object",
        "properties": {
          "author": { "type": ["string", "null"] },
          "updater": { "type": ["string", "null"] }
        }
      },
      "restriction": {
        "description": "A policy restriction: an index, optionally narrowed to some of its collections.",
        "type": "object",
        "required": ["index"],
        "additionalProperties": false,
        "properties": {
          "index": { "type": "string", "minLength": 1 },
          "collections": {
            "type": "array",
            "items": { "type": "string", "minLength": 1 }
          }
        }
      },
      "policy": {
        "description": "A profile policy as a client writes it: a role, optionally restricted to indexes/collections.",
        "type": "object",
        "required": ["roleId"],
        "additionalProperties": false,
        "properties": {
          "roleId": { "$ref": "#/$defs/roleId" },
          "restrictedTo": {
            "type": "array",
            "items": { "$ref": "#/$defs/restriction" }
          }
        }
      },
      "profileSource": {
        "description": "A stored profile definition as read back (`_source`). Extra keys (optimizedPolicies, _kuzzle_info, custom keys) are allowed.",
        "type": "object",
        "properties": {
          "policies": {
            "type": "array",
            "items": {
              "type": "object",
              "required": ["roleId"],
              "properties": {
                "roleId": { "$ref": "#/$defs/roleId" },
                "restrictedTo": { "type": "array" }
              }
            }
          },
          "rateLimit": { "type": "integer", "minimum": 0 },
          "_kuzzle_info": { "$ref": "#/$defs/kuzzleInfo" }
        }
      },
      "userSource": {
        "description": "A user's stored properties (`_source`): application-defined, plus profileIds and _kuzzle_info.",
        "type": "object",
        "properties": {
          "profileIds": {
            "type": "array",
            "items": { "$ref": "#/$defs/profileId" }
          },
          "_kuzzle_info": { "$ref": "#/$defs/kuzzleInfo" }
        }
      }
    }
  },
  "kuzzle/current-user.result.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/kuzzle/current-user.result.json",
    "title": "auth:getCurrentUser: result",
    "description": "{_id, _source, strategies}; the anonymous user is {_id: \"-1\", _source: {profileIds: [\"anonymous\"], ...}, strategies: []}.",
    "type": "object",
    "required": ["_id", "_source"],
    "properties": {
      "_id": { "$ref": "common.json#/$defs/kuid" },
      "_source": { "$ref": "common.json#/$defs/userSource" },
      "strategies": { "type": "array", "items": { "type": "string" } }
    }
  },
  "kuzzle/envelope.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/kuzzle/envelope.json",
    "title": "Kuzzle 2: response envelope (HTTP body, MQTT payload; the WebSocket message adds `room`, see ws-response.json)",
    "description": "Every routed response is this envelope: a success (status 2xx, error null) or an error (status 4xx/5xx, error object, result null). `node` is a string up to Kuzzle 2.45 and absent from 2.46 on; `index`/`collection` appear when the request carried them; `deprecations` only in development mode.",
    "oneOf": [{ "$ref": "#/$defs/success" }, { "$ref": "#/$defs/error" }],
    "$defs": {
      "base": {
        "type": "object",
        "required": ["status", "error", "controller", "action", "requestId"],
        "properties": {
          "status": { "type": "integer", "minimum": 100, "maximum": 599 },
          "error": true,
          "controller": { "type": ["string", "null"] },
          "action": { "type": ["string", "null"] },
          "requestId": { "$ref": "common.json#/$defs/requestId" },
          "result": true,
          "volatile": { "$ref": "common.json#/$defs/volatile" },
          "headers": { "type": "object" },
          "node": { "type": "string" },
          "index": { "type": "string" },
          "collection": { "type": "string" },
          "deprecations": {
            "type": "array",
            "items": {
              "type": "object",
              "required": ["message", "version"],
              "properties": {
                "message": { "type": "string" },
                "version": { "type": "string" }
              }
            }
          }
        }
      },
      "success": {
        "description": "A successful response: status 2xx (200 for every action in scope), error null.",
        "allOf": [{ "$ref": "#/$defs/base" }],
        "type": "object",
        "properties": {
          "status": { "type": "integer", "minimum": 200, "maximum": 299 },
          "error": { "type": "null" }
        }
      },
      "error": {
        "description": "An error response: status equal to error.status, error object, result null or absent.",
        "allOf": [{ "$ref": "#/$defs/base" }],
        "type": "object",
        "required": ["error"],
        "properties": {
          "status": { "type": "integer", "minimum": 400, "maximum": 599 },
          "error": { "$ref": "common.json#/$defs/errorObject" },
          "result": { "type": "null" }
        }
      }
    }
  },
  "kuzzle/heartbeat.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/kuzzle/heartbeat.json",
    "title": "Kuzzle 2: WebSocket application-level heartbeat",
    "description": "A WebSocket text message that is exactly {\"p\":1} is answered with exactly {\"p\":2}, outside the API (no envelope, no room).",
    "oneOf": [{ "$ref": "#/$defs/ping" }, { "$ref": "#/$defs/pong" }],
    "$defs": {
      "ping": {
        "type": "object",
        "required": ["p"],
        "additionalProperties": false,
        "properties": { "p": { "const": 1 } }
      },
      "pong": {
        "type": "object",
        "required": ["p"],
        "additionalProperties": false,
        "properties": { "p": { "const": 2 } }
      }
    }
  },
  "kuzzle/login.body.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/kuzzle/login.body.json",
    "title": "auth:login: request body of the `local` strategy",
    "description": "Credentials of the strategy; for `local`, username and password.",
    "type": "object",
    "required": ["username", "password"],
    "properties": {
      "username": { "type": "string", "minLength": 1 },
      "password": { "type": "string", "minLength": 1 }
    }
  },
  "kuzzle/login.result.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/kuzzle/login.result.json",
    "title": "auth:login: result",
    "description": "jwt is a three-segment JWT, optionally prefixed `kauth-`; kuzzle-sdk decodes its payload client-side for `_id` and `exp`. jwt is absent when the token went into a cookie (cookieAuth).",
    "type": "object",
    "required": ["_id", "expiresAt", "ttl"],
    "properties": {
      "_id": { "$ref": "common.json#/$defs/kuid" },
      "jwt": {
        "type": "string",
        "pattern": "^(kauth-)?[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*$"
      },
      "expiresAt": { "type": "number" },
      "ttl": { "type": "number" }
    }
  },
  "kuzzle/profile.body.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/kuzzle/profile.body.json",
    "title": "security:createProfile: request body",
    "description": "A full profile definition: policies is required here (unlike updateProfile).",
    "allOf": [{ "$ref": "update-profile.body.json" }],
    "type": "object",
    "required": ["policies"],
    "properties": {
      "policies": { "type": "array" }
    }
  },
  "kuzzle/profile.result.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/kuzzle/profile.result.json",
    "title": "security:createProfile / getProfile: result (a profile)",
    "type": "object",
    "required": ["_id", "_source"],
    "properties": {
      "_id": { "$ref": "common.json#/$defs/profileId" },
      "_source": {
        "allOf": [{ "$ref": "common.json#/$defs/profileSource" }],
        "type": "object",
        "required": ["policies"],
        "properties": { "policies": true }
      }
    }
  },
  "kuzzle/public-api.result.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/kuzzle/public-api.result.json",
    "title": "server:publicApi: result (route table read by kuzzle-sdk's Http protocol)",
    "description": "controller -> action -> {http: [{verb, url}]}; kuzzle-sdk uses only verb and url (with :name placeholders).",
    "type": "object",
    "additionalProperties": {
      "type": "object",
      "additionalProperties": {
        "type": "object",
        "properties": {
          "controller": { "type": "string" },
          "action": { "type": "string" },
          "http": {
            "type": "array",
            "items": {
              "type": "object",
              "required": ["verb", "url"],
              "properties": {
                "verb": { "enum": ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"] },
                "url": { "type": "string", "pattern": "^/" },
                "path": { "type": "string" }
              }
            }
          }
        }
      }
    }
  },
  "kuzzle/request.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/kuzzle/request.json",
    "title": "Kuzzle 2: WebSocket / MQTT request message",
    "description": "One JSON object per WebSocket message (or per MQTT publish on Kuzzle/request). controller, action, jwt, body, volatile and requestId are read at the top level; every other top-level key is an argument (_id, refresh, retryOnConflict, strict, strategy, ...). Unknown arguments are ignored.",
    "type": "object",
    "required": ["controller", "action"],
    "properties": {
      "controller": { "type": "string", "minLength": 1 },
      "action": { "type": "string", "minLength": 1 },
      "jwt": {
        "description": "Absent or null: the anonymous user.",
        "anyOf": [{ "$ref": "common.json#/$defs/jwt" }, { "type": "null" }]
      },
      "requestId": { "$ref": "common.json#/$defs/requestId" },
      "body": { "anyOf": [{ "type": "object" }, { "type": "array" }, { "type": "null" }] },
      "volatile": { "$ref": "common.json#/$defs/volatile" }
    }
  },
  "kuzzle/role.body.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/kuzzle/role.body.json",
    "title": "security:createRole: request body",
    "description": "{controllers: {<controller or *>: {actions: {<action or *>: true|false}}}}",
    "type": "object",
    "required": ["controllers"],
    "properties": {
      "controllers": {
        "type": "object",
        "additionalProperties": {
          "type": "object",
          "required": ["actions"],
          "properties": {
            "actions": { "type": "object", "additionalProperties": { "type": "boolean" } }
          }
        }
      }
    }
  },
  "kuzzle/role.result.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/kuzzle/role.result.json",
    "title": "security:createRole / getRole: result (a role)",
    "type": "object",
    "required": ["_id", "_source"],
    "properties": {
      "_id": { "$ref": "common.json#/$defs/roleId" },
      "_source": {
        "type": "object",
        "required": ["controllers"],
        "properties": { "controllers": { "type": "object" } }
      }
    }
  },
  "kuzzle/search.result.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/kuzzle/search.result.json",
    "title": "security:searchUsers / searchProfiles: result",
    "type": "object",
    "required": ["hits", "total"],
    "properties": {
      "hits": {
        "type": "array",
        "items": {
          "type": "object",
          "required": ["_id", "_source"],
          "properties": {
            "_id": { "type": "string" },
            "_source": { "type": "object" }
          }
        }
      },
      "total": { "type": "integer", "minimum": 0 },
      "scrollId": { "type": ["string", "null"] }
    }
  },
  "kuzzle/support.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/kuzzle/support.json",
    "title": "Kuzzle 2: small results and bodies of the supporting routes (fixtures)",
    "description": "Nothing at the top level: reference a $defs entry.",
    "$defs": {
      "deleted": {
        "description": "security:deleteUser / deleteRole / deleteProfile result.",
        "type": "object",
        "required": ["_id"],
        "properties": { "_id": { "type": "string" } }
      },
      "acknowledged": {
        "description": "auth:logout, index:delete, collection:create result.",
        "type": "object",
        "required": ["acknowledged"],
        "properties": { "acknowledged": { "type": "boolean" } }
      },
      "exists": {
        "description": "index:exists / collection:exists result.",
        "type": "boolean"
      },
      "now": {
        "description": "server:now result.",
        "type": "object",
        "required": ["now"],
        "properties": { "now": { "type": "integer" } }
      },
      "serverInfo": {
        "description": "server:info result (kept loose).",
        "type": "object",
        "required": ["serverInfo"],
        "properties": { "serverInfo": { "type": "object" } }
      },
      "searchBody": {
        "description": "security:searchUsers body ({query, sort}) or searchProfiles body ({roles}).",
        "type": "object",
        "properties": {
          "query": { "type": "object" },
          "roles": { "type": "array", "items": { "type": "string" } }
        }
      },
      "collectionBody": {
        "description": "collection:create body: {mappings, settings}, both optional.",
        "type": "object",
        "properties": {
          "mappings": { "type": "object" },
          "settings": { "type": "object" }
        }
      }
    }
  },
  "kuzzle/update-profile.body.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/kuzzle/update-profile.body.json",
    "title": "security:updateProfile: request body (profile definition)",
    "description": "The keys to update: rateLimit (requests per second, 0 = unlimited) and policies (replaces the whole array). Other top-level keys are stored as they are.",
    "type": "object",
    "properties": {
      "rateLimit": { "type": "integer", "minimum": 0 },
      "policies": {
        "type": "array",
        "items": { "$ref": "common.json#/$defs/policy" }
      }
    }
  },
  "kuzzle/update-profile.request.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/kuzzle/update-profile.request.json",
    "title": "security:updateProfile: WebSocket / MQTT request message",
    "description": "force is the documented option; strict is what Kuzzle 2.56 reads instead (opt-in existence check of restrictedTo indexes/collections).",
    "allOf": [{ "$ref": "request.json" }],
    "type": "object",
    "required": ["controller", "action", "_id", "body"],
    "properties": {
      "controller": { "const": "security" },
      "action": { "const": "updateProfile" },
      "_id": { "$ref": "common.json#/$defs/profileId" },
      "body": { "$ref": "update-profile.body.json" },
      "force": { "type": "boolean", "default": false },
      "strict": { "type": ["boolean", "null"], "default": false },
      "refresh": { "$ref": "common.json#/$defs/refresh" },
      "retryOnConflict": { "$ref": "common.json#/$defs/retryOnConflict" }
    }
  },
  "kuzzle/update-profile.response-documented.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/kuzzle/update-profile.response-documented.json",
    "title": "security:updateProfile: successful response as the document shows it (result with _version)",
    "allOf": [{ "$ref": "update-profile.response.json" }],
    "type": "object",
    "required": ["result"],
    "properties": {
      "result": { "$ref": "update-profile.result-documented.json" }
    }
  },
  "kuzzle/update-profile.response.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/kuzzle/update-profile.response.json",
    "title": "security:updateProfile: successful response envelope (HTTP body, MQTT payload)",
    "allOf": [{ "$ref": "envelope.json#/$defs/success" }],
    "type": "object",
    "required": ["controller", "action", "result"],
    "properties": {
      "controller": { "const": "security" },
      "action": { "const": "updateProfile" },
      "result": { "$ref": "update-profile.result.json" }
    }
  },
  "kuzzle/update-profile.result-documented.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/kuzzle/update-profile.result-documented.json",
    "title": "security:updateProfile: result as the document shows it",
    "description": "The updated profile identifier and its version number ({_id, _version}). Kuzzle 2.56 returns {_id, _source} instead (see specs/profiles/kuzzle-2.56.yaml).",
    "allOf": [{ "$ref": "update-profile.result.json" }],
    "type": "object",
    "required": ["_id", "_version"],
    "properties": {
      "_id": true,
      "_version": true
    }
  },
  "kuzzle/update-profile.result.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/kuzzle/update-profile.result.json",
    "title": "security:updateProfile: result",
    "description": "The document gives {_id, _version}; Kuzzle 2.56 (and kuzzle-sdk 7, which reads result._source) gives {_id, _source}. This schema accepts both; update-profile.result-documented.json is the document's shape (with _version).",
    "type": "object",
    "required": ["_id"],
    "properties": {
      "_id": { "$ref": "common.json#/$defs/profileId" },
      "_version": { "type": "integer", "minimum": 1 },
      "_source": { "$ref": "common.json#/$defs/profileSource" }
    }
  },
  "kuzzle/update-profile.ws-response.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/kuzzle/update-profile.ws-response.json",
    "title": "security:updateProfile: successful WebSocket response as the document shows it (envelope + room, result {_id, _version})",
    "allOf": [{ "$ref": "update-profile.response-documented.json" }, { "$ref": "ws-response.json" }]
  },
  "kuzzle/update-self.body.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/kuzzle/update-self.body.json",
    "title": "auth:updateSelf: request body",
    "description": "User properties to set or update: application-defined and free of limitations, except that the route cannot change the user's security profiles (profileIds) nor retarget another user (_id).",
    "type": "object",
    "properties": {
      "profileIds": false,
      "_id": false
    }
  },
  "kuzzle/update-self.request.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/kuzzle/update-self.request.json",
    "title": "auth:updateSelf: WebSocket / MQTT request message",
    "allOf": [{ "$ref": "request.json" }],
    "type": "object",
    "required": ["controller", "action", "jwt", "body"],
    "properties": {
      "controller": { "const": "auth" },
      "action": { "const": "updateSelf" },
      "jwt": { "$ref": "common.json#/$defs/jwt" },
      "body": { "$ref": "update-self.body.json" },
      "refresh": { "$ref": "common.json#/$defs/refresh" },
      "retryOnConflict": { "$ref": "common.json#/$defs/retryOnConflict" }
    }
  },
  "kuzzle/update-self.response.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/kuzzle/update-self.response.json",
    "title": "auth:updateSelf: successful response envelope (HTTP body, MQTT payload)",
    "allOf": [{ "$ref": "envelope.json#/$defs/success" }],
    "type": "object",
    "required": ["controller", "action", "result"],
    "properties": {
      "controller": { "const": "auth" },
      "action": { "const": "updateSelf" },
      "result": { "$ref": "update-self.result.json" }
    }
  },
  "kuzzle/update-self.result.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/kuzzle/update-self.result.json",
    "title": "auth:updateSelf: result",
    "description": "_id: the current user's kuid; _source: the user's properties, containing at least the updated ones (Kuzzle 2.56 returns the whole user, with profileIds and _kuzzle_info).",
    "type": "object",
    "required": ["_id", "_source"],
    "properties": {
      "_id": { "$ref": "common.json#/$defs/kuid" },
      "_source": { "$ref": "common.json#/$defs/userSource" }
    }
  },
  "kuzzle/update-self.ws-response.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/kuzzle/update-self.ws-response.json",
    "title": "auth:updateSelf: successful WebSocket response (envelope + room)",
    "allOf": [{ "$ref": "update-self.response.json" }, { "$ref": "ws-response.json" }]
  },
  "kuzzle/user-create.body.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/kuzzle/user-create.body.json",
    "title": "security:createUser / createFirstAdmin: request body",
    "description": "content: the user's properties (createUser requires content.profileIds; createFirstAdmin forbids it); credentials: per strategy, e.g. {local: {username, password}}.",
    "type": "object",
    "required": ["content"],
    "properties": {
      "content": {
        "type": "object",
        "properties": {
          "profileIds": { "type": "array", "items": { "$ref": "common.json#/$defs/profileId" } }
        }
      },
      "credentials": {
        "type": "object",
        "properties": {
          "local": { "$ref": "login.body.json" }
        }
      }
    }
  },
  "kuzzle/user.result.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/kuzzle/user.result.json",
    "title": "security:createUser / getUser / createFirstAdmin: result (a user)",
    "type": "object",
    "required": ["_id", "_source"],
    "properties": {
      "_id": { "$ref": "common.json#/$defs/kuid" },
      "_source": { "$ref": "common.json#/$defs/userSource" }
    }
  },
  "kuzzle/ws-response.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/kuzzle/ws-response.json",
    "title": "Kuzzle 2: WebSocket response message",
    "description": "The response envelope plus `room`, equal to the request's requestId (clients such as kuzzle-sdk match responses on room).",
    "allOf": [{ "$ref": "envelope.json" }],
    "type": "object",
    "required": ["room"],
    "properties": {
      "room": { "type": "string", "minLength": 1 }
    }
  },
  "mock/config.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/mock/config.json",
    "title": "conform mock: configuration file",
    "description": "Precedence, highest first: command-line flags, environment (CONFORM_MOCK_*), this file, built-in defaults.",
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "$schema": { "type": "string" },
      "families": {
        "type": "array",
        "minItems": 1,
        "uniqueItems": true,
        "items": { "$ref": "../families.schema.json#/$defs/family" }
      },
      "host": { "type": "string", "minLength": 1 },
      "ports": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "kuzzle": { "$ref": "#/$defs/ports" },
          "devicehive": { "$ref": "#/$defs/ports" },
          "userapi": {
            "type": "object",
            "additionalProperties": false,
            "properties": { "http": { "$ref": "#/$defs/port" } }
          }
        }
      },
      "profiles": {
        "description": "The behaviour of each family: \"documented\" (the default) or a real server's profile (kuzzle-2.56, devicehive-4, userapi-laravel).",
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "kuzzle": { "enum": ["documented", "kuzzle-2.56"] },
          "devicehive": { "enum": ["documented", "devicehive-4"] },
          "userapi": { "enum": ["documented", "userapi-laravel"] }
        }
      },
      "deviate": {
        "description": "Requirement ids the mock deliberately violates (see conform mock --list-deviations).",
        "type": "array",
        "uniqueItems": true,
        "items": { "type": "string", "pattern": "^(kuzzle|devicehive|userapi)\\." }
      },
      "jwt": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "secret": { "type": "string", "minLength": 8 },
          "ttlSeconds": { "type": "integer", "minimum": 1 }
        }
      },
      "latency": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "fixedMs": { "type": "integer", "minimum": 0, "maximum": 60000 },
          "jitterMs": { "type": "integer", "minimum": 0, "maximum": 60000 }
        }
      },
      "faults": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "errorRate": { "type": "number", "minimum": 0, "maximum": 1 },
          "dropRate": { "type": "number", "minimum": 0, "maximum": 1 },
          "seed": { "type": "integer" }
        }
      },
      "refreshDelayMs": {
        "description": "How long a write made without refresh=wait_for stays invisible to searches (Kuzzle).",
        "type": "integer",
        "minimum": 0,
        "maximum": 60000
      },
      "conflictWindowMs": {
        "description": "Kuzzle: how long an update sent with retryOnConflict=0 stays open to a conflict; another write of the same document within it makes it fail with services.storage.too_many_changes. 0 means one event-loop turn. Updates with retries (the default 10) never conflict.",
        "type": "integer",
        "minimum": 0,
        "maximum": 60000
      },
      "seed": {
        "description": "Seed data per family, in the family's own shape (schemas/mock/<family>-seed.json).",
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "kuzzle": { "type": "object" },
          "devicehive": { "type": "object" },
          "userapi": { "type": "object" }
        }
      },
      "generate": {
        "description": "Records generated into each family's seed with json-schema-faker (conform mock --generate): a count per record kind, applied to every family that has that kind, and the generator's seed (default 1; the same seed gives the same records).",
        "type": "object",
        "required": ["counts"],
        "additionalProperties": false,
        "properties": {
          "counts": {
            "type": "object",
            "propertyNames": { "pattern": "^[a-z]+$" },
            "additionalProperties": { "type": "integer", "minimum": 0, "maximum": 1000000 }
          },
          "seed": { "type": "integer", "minimum": -2147483648, "maximum": 2147483647 }
        }
      },
      "state": { "description": "A file that keeps the state across restarts.", "type": "string", "minLength": 1 },
      "store": { "description": "Where the state lives: \"memory\" (the default, one process) or redis://[user:password@]host[:port][/db], shared by every process on it (docs/decisions/0006-shared-store.md).", "type": "string", "minLength": 1 },
      "tenantHeader": { "description": "The request header that names the tenant (default X-Conform-Tenant).", "type": "string", "pattern": "^[A-Za-z0-9-]{1,64}$" },
      "httpTimeouts": {
        "description": "The HTTP timeouts of every family in milliseconds (0: none), replacing the real servers' (kuzzle: 10 s idle; devicehive and userapi: nginx's 60 s for headers and body, 75 s keep-alive). A request cut by one is closed without an answer.",
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "headersMs": { "$ref": "#/$defs/timeoutMs" },
          "requestMs": { "$ref": "#/$defs/timeoutMs" },
          "idleMs": { "$ref": "#/$defs/timeoutMs" },
          "keepAliveMs": { "$ref": "#/$defs/timeoutMs" }
        }
      },
      "controlToken": { "description": "When set, every call of the control API (/__conform/*) must carry it in an X-Conform-Token header.", "type": "string", "minLength": 8 },
      "targetsDir": { "description": "Where to write one target file per family for conform test.", "type": "string", "minLength": 1 },
      "storePrefix": { "description": "The first part of every Redis key and channel of this deployment (state, JWT secret, MQTT brokers), so several deployments can share one Redis (default conform).", "type": "string", "pattern": "^[A-Za-z0-9_.-]{1,64}$" },
      "workers": { "description": "How many processes serve the listeners on this machine (node:cluster); more than 1 needs a Redis store.", "type": "integer", "minimum": 1, "maximum": 64 }
    },
    "$defs": {
      "port": { "description": "0 picks a free port.", "type": "integer", "minimum": 0, "maximum": 65535 },
      "timeoutMs": { "description": "Milliseconds; 0 for no limit.", "type": "integer", "minimum": 0, "maximum": 3600000 },
      "ports": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "http": { "$ref": "#/$defs/port" },
          "mqtt": { "$ref": "#/$defs/port" }
        }
      }
    }
  },
  "mock/devicehive-seed.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/mock/devicehive-seed.json",
    "title": "conform mock: seed data of the devicehive family",
    "description": "The users the DeviceHive mock starts with (and returns to on reset). Ids and logins must be unique, and at least one user must be an active administrator: its login and password are the credentials conform mock prints and writes to target files. Without a seed the mock starts with the reference's Flyway seed, dhadmin / dhadmin_#911 (id 1, role 0).",
    "type": "object",
    "required": ["users"],
    "additionalProperties": false,
    "properties": {
      "users": {
        "type": "array",
        "minItems": 1,
        "items": { "$ref": "#/$defs/user" }
      }
    },
    "$defs": {
      "user": {
        "type": "object",
        "required": ["id", "login", "password", "role"],
        "additionalProperties": false,
        "properties": {
          "id": { "description": "User identifier.", "type": "integer", "minimum": 1, "maximum": 9007199254740991 },
          "login": {
            "description": "Login, as the reference's entity accepts it: 3 to 128 letters, digits and _ @ . -.",
            "type": "string",
            "minLength": 3,
            "maxLength": 128,
            "pattern": "^[A-Za-z0-9_@.-]+$"
          },
          "password": { "description": "Password in clear, 6 to 128 characters.", "type": "string", "minLength": 6, "maxLength": 128 },
          "role": { "description": "0: administrator, 1: client.", "enum": [0, 1] },
          "status": { "description": "0: active (the default), 1: locked out, 2: disabled.", "enum": [0, 1, 2] },
          "data": { "description": "User data, any JSON value (null when omitted)." },
          "introReviewed": { "description": "false when omitted.", "type": "boolean" },
          "allDeviceTypesAvailable": { "description": "true when omitted.", "type": "boolean" }
        }
      }
    }
  },
  "mock/kuzzle-seed.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/mock/kuzzle-seed.json",
    "title": "conform mock: seed data of the kuzzle family",
    "description": "The security documents, local credentials and indexes the Kuzzle mock starts with. The built-in roles and profiles admin, default and anonymous (a restricted Kuzzle's) always exist; roles or profiles given here with those ids replace them.",
    "type": "object",
    "required": ["users"],
    "additionalProperties": false,
    "properties": {
      "roles": {
        "description": "Role id → definition, as the body of security:createRole.",
        "type": "object",
        "propertyNames": { "$ref": "#/$defs/id" },
        "additionalProperties": { "$ref": "#/$defs/role" }
      },
      "profiles": {
        "description": "Profile id → definition, as the body of security:createProfile.",
        "type": "object",
        "propertyNames": { "$ref": "#/$defs/id" },
        "additionalProperties": { "$ref": "#/$defs/profile" }
      },
      "users": {
        "description": "Users with their profiles, properties and local credentials. The first user holding the admin profile and local credentials is the one `conform mock` prints and writes to target files.",
        "type": "array",
        "items": { "$ref": "#/$defs/user" }
      },
      "indexes": {
        "description": "Index name → its collections (needed by profiles restricted to existing indexes).",
        "type": "object",
        "propertyNames": { "$ref": "#/$defs/name" },
        "additionalProperties": { "type": "array", "uniqueItems": true, "items": { "$ref": "#/$defs/name" } }
      }
    },
    "$defs": {
      "id": { "type": "string", "minLength": 1, "not": { "enum": ["__proto__", "constructor", "prototype"] } },
      "name": { "type": "string", "pattern": "^[^A-Z\\\\/*?\"<>| \\t\\r\\n,+#:.&%]{1,126}$", "not": { "const": "_all" } },
      "role": {
        "type": "object",
        "required": ["controllers"],
        "properties": {
          "controllers": {
            "type": "object",
            "minProperties": 1,
            "additionalProperties": {
              "type": "object",
              "required": ["actions"],
              "additionalProperties": false,
              "properties": {
                "actions": { "type": "object", "minProperties": 1, "additionalProperties": { "type": "boolean" } }
              }
            }
          }
        }
      },
      "profile": {
        "type": "object",
        "required": ["policies"],
        "properties": {
          "rateLimit": { "type": "integer", "minimum": 0 },
          "policies": {
            "type": "array",
            "minItems": 1,
            "items": { "$ref": "../kuzzle/common.json#/$defs/policy" }
          }
        }
      },
      "user": {
        "type": "object",
        "required": ["_id", "profileIds"],
        "additionalProperties": false,
        "properties": {
          "_id": { "$ref": "#/$defs/id", "description": "The kuid." },
          "profileIds": { "type": "array", "minItems": 1, "items": { "type": "string", "minLength": 1 } },
          "content": {
            "description": "The user's own properties (what createUser's body.content holds, without profileIds).",
            "type": "object",
            "propertyNames": { "not": { "enum": ["profileIds", "_id", "_kuzzle_info", "__proto__"] } }
          },
          "credentials": {
            "type": "object",
            "additionalProperties": false,
            "properties": { "local": { "$ref": "../kuzzle/login.body.json" } }
          }
        }
      }
    }
  },
  "mock/state.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/mock/state.json",
    "title": "conform mock: the --state file",
    "description": "What `conform mock --state <file>` writes after every acknowledged write and reads at start: each family's stores as {id, version, source} entries. A file that does not match is refused at start (CONFORM_ERR_STATE), never replaced by the seed. Each family checks its records further when it imports them.",
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "kuzzle": {
        "type": "object",
        "required": [
          "users",
          "profiles",
          "roles",
          "credentials",
          "tokens",
          "indexes"
        ],
        "additionalProperties": false,
        "properties": {
          "users": {
            "$ref": "#/$defs/entries"
          },
          "profiles": {
            "$ref": "#/$defs/entries"
          },
          "roles": {
            "$ref": "#/$defs/entries"
          },
          "credentials": {
            "$ref": "#/$defs/entries"
          },
          "tokens": {
            "$ref": "#/$defs/entries"
          },
          "indexes": {
            "$ref": "#/$defs/entries"
          }
        }
      },
      "devicehive": {
        "type": "object",
        "required": [
          "users",
          "nextId"
        ],
        "additionalProperties": false,
        "properties": {
          "users": {
            "$ref": "#/$defs/entries"
          },
          "nextId": {
            "type": "integer",
            "minimum": 1
          }
        }
      },
      "userapi": {
        "type": "object",
        "required": [
          "users"
        ],
        "additionalProperties": false,
        "properties": {
          "users": {
            "type": "array",
            "items": {
              "type": "object",
              "allOf": [
                {
                  "$ref": "#/$defs/entry"
                }
              ],
              "properties": {
                "source": {
                  "$ref": "#/$defs/userapiRow"
                }
              }
            }
          }
        }
      },
      "tenants": {
        "description": "The named tenants' states (the default tenant's is the families above), each as the families above: {kuzzle?, devicehive?, userapi?}.",
        "type": "object",
        "propertyNames": {
          "pattern": "^[a-z0-9-]{1,40}$"
        },
        "additionalProperties": {
          "$ref": "#/$defs/tenant"
        }
      }
    },
    "$defs": {
      "entries": {
        "type": "array",
        "items": {
          "$ref": "#/$defs/entry"
        }
      },
      "entry": {
        "type": "object",
        "required": [
          "id",
          "version",
          "source"
        ],
        "properties": {
          "id": {
            "type": "string",
            "minLength": 1
          },
          "version": {
            "type": "integer",
            "minimum": 1
          },
          "source": {
            "type": "object"
          }
        }
      },
      "userapiRow": {
        "description": "A row of the userapi's users table (mocks/userapi/users.ts).",
        "type": "object",
        "required": [
          "id",
          "name",
          "surname",
          "role",
          "email",
          "password",
          "description",
          "image",
          "created_at",
          "updated_at",
          "remember_token"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "integer",
            "minimum": 1
          },
          "name": {
            "type": "string"
          },
          "surname": {
            "type": [
              "string",
              "null"
            ]
          },
          "role": {
            "type": "string"
          },
          "email": {
            "type": "string"
          },
          "password": {
            "type": "string"
          },
          "description": {
            "type": [
              "string",
              "null"
            ]
          },
          "image": {
            "type": [
              "string",
              "null"
            ]
          },
          "created_at": {
            "type": "string"
          },
          "updated_at": {
            "type": "string"
          },
          "remember_token": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "tenant": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "kuzzle": {
            "$ref": "#/properties/kuzzle"
          },
          "devicehive": {
            "$ref": "#/properties/devicehive"
          },
          "userapi": {
            "$ref": "#/properties/userapi"
          }
        }
      }
    }
  },
  "mock/userapi-seed.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/mock/userapi-seed.json",
    "title": "conform mock: seed data of the userapi family",
    "type": "object",
    "required": ["users"],
    "additionalProperties": false,
    "properties": {
      "users": {
        "description": "At least two users: e-mail uniqueness needs a second one.",
        "type": "array",
        "minItems": 2,
        "items": {
          "type": "object",
          "required": ["id", "name", "email", "password"],
          "additionalProperties": false,
          "properties": {
            "id": { "type": "integer", "minimum": 1 },
            "name": { "type": "string", "minLength": 1 },
            "surname": { "type": "string" },
            "email": { "type": "string", "format": "email" },
            "password": { "type": "string", "minLength": 1 },
            "role": { "type": "string" },
            "description": { "type": "string" }
          }
        }
      }
    }
  },
  "profile.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/profile.schema.json",
    "title": "A real server's behaviour where it differs from the documents",
    "type": "object",
    "required": ["name", "family", "title", "deviations"],
    "additionalProperties": false,
    "properties": {
      "name": { "type": "string", "pattern": "^(kuzzle|devicehive|userapi)-[a-z0-9.-]+$" },
      "family": { "$ref": "families.schema.json#/$defs/family" },
      "title": { "type": "string", "minLength": 5 },
      "deviations": {
        "type": "array",
        "minItems": 1,
        "items": {
          "type": "object",
          "required": ["requirement", "behaviour", "why", "reference", "citation"],
          "additionalProperties": false,
          "properties": {
            "requirement": { "type": "string", "minLength": 5 },
            "transports": {
              "type": "array",
              "minItems": 1,
              "uniqueItems": true,
              "items": { "enum": ["http", "ws", "mqtt"] }
            },
            "behaviour": { "type": "string", "minLength": 10 },
            "why": { "type": "string", "minLength": 10 },
            "reference": { "type": "string", "pattern": "^(kuzzle|devicehive|userapi)\\.md §[0-9.]+$" },
            "citation": { "type": "string", "minLength": 5 }
          }
        }
      }
    }
  },
  "report.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/report.schema.json",
    "title": "conform test: conformance.json",
    "type": "object",
    "required": ["tool", "api", "target", "startedAt", "durationMs", "transportsTested", "summary", "breakdown", "requirements"],
    "additionalProperties": false,
    "properties": {
      "tool": {
        "type": "object",
        "required": ["name", "version"],
        "additionalProperties": false,
        "properties": { "name": { "const": "conform" }, "version": { "type": "string" } }
      },
      "api": { "$ref": "families.schema.json#/$defs/family" },
      "target": {
        "description": "Name and endpoints only: never passwords or tokens.",
        "type": "object",
        "required": ["name", "endpoints"],
        "additionalProperties": false,
        "properties": {
          "name": { "type": "string" },
          "api": { "$ref": "families.schema.json#/$defs/family" },
          "endpoints": {
            "type": "object",
            "additionalProperties": false,
            "properties": { "http": { "type": "string" }, "ws": { "type": "string" }, "mqtt": { "type": "string" } }
          }
        }
      },
      "startedAt": { "type": "string", "format": "date-time" },
      "durationMs": { "type": "integer", "minimum": 0 },
      "transportsTested": { "type": "array", "items": { "$ref": "#/$defs/transport" } },
      "summary": {
        "type": "object",
        "required": ["passed", "failed", "skipped", "notTested", "knownDeviations", "mustFailed", "shouldFailed"],
        "additionalProperties": false,
        "properties": {
          "passed": { "type": "integer", "minimum": 0 },
          "failed": { "type": "integer", "minimum": 0 },
          "skipped": { "type": "integer", "minimum": 0 },
          "notTested": { "type": "integer", "minimum": 0 },
          "knownDeviations": { "type": "integer", "minimum": 0 },
          "mustFailed": { "type": "integer", "minimum": 0 },
          "shouldFailed": { "type": "integer", "minimum": 0 }
        }
      },
      "baseline": {
        "description": "What the run found wrong with its baseline: entries whose requirement now passes (stale: the run exits 1 unless --allow-stale-baseline) and entries past their expiry date (they no longer excuse anything).",
        "type": "object",
        "required": ["stale", "expired"],
        "additionalProperties": false,
        "properties": {
          "stale": { "type": "array", "items": { "type": "string" } },
          "expired": {
            "type": "array",
            "items": { "type": "object", "required": ["id", "expires"], "additionalProperties": false, "properties": { "id": { "type": "string" }, "expires": { "type": "string", "format": "date" } } }
          }
        }
      },
      "generate": {
        "description": "The generative phase's budget and seed (conform test --generate, --generate-seed): the same two give the same generated cases. cases 0: the phase was skipped.",
        "type": "object",
        "required": ["cases", "seed"],
        "additionalProperties": false,
        "properties": { "cases": { "type": "integer", "minimum": 0 }, "seed": { "type": "integer" } }
      },
      "stopped": {
        "description": "Present when the run ended before its tests did: the pre-flight found a problem (no test ran), the target stopped answering during the run, or a signal stopped it. The requirements not reached are not-tested.",
        "type": "object",
        "required": ["stage", "code", "reason"],
        "additionalProperties": false,
        "properties": {
          "stage": { "enum": ["pre-flight", "run"] },
          "code": { "type": "string", "pattern": "^CONFORM_ERR_[A-Z_]+$|^SIG[A-Z]+$" },
          "reason": { "type": "string" }
        }
      },
      "breakdown": {
        "description": "Requirements by verdict per level and per category; requirement × transport cells by verdict per transport.",
        "type": "object",
        "required": ["level", "category", "transport"],
        "additionalProperties": false,
        "properties": {
          "level": { "type": "object", "additionalProperties": { "$ref": "#/$defs/verdictCounts" } },
          "category": { "type": "object", "additionalProperties": { "$ref": "#/$defs/verdictCounts" } },
          "transport": { "type": "object", "additionalProperties": { "$ref": "#/$defs/verdictCounts" } }
        }
      },
      "requirements": {
        "type": "array",
        "items": {
          "type": "object",
          "required": ["id", "family", "operation", "level", "category", "title", "source", "document", "status", "verdict", "transports", "durationsMs", "failures"],
          "additionalProperties": false,
          "properties": {
            "id": { "type": "string" },
            "family": { "$ref": "families.schema.json#/$defs/family" },
            "operation": { "type": "string" },
            "level": { "enum": ["MUST", "SHOULD", "MAY"] },
            "category": { "type": "string" },
            "title": { "type": "string" },
            "source": { "type": "string" },
            "document": {
              "description": "The document the requirement comes from: its title and the heading path above the quote (or the research notes and paragraph).",
              "type": "object",
              "required": ["title", "section", "file"],
              "additionalProperties": false,
              "properties": { "title": { "type": "string" }, "section": { "type": "string" }, "file": { "type": "string" } }
            },
            "status": { "$ref": "#/$defs/status" },
            "verdict": { "$ref": "#/$defs/verdict" },
            "transports": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "http": { "$ref": "#/$defs/status" },
                "ws": { "$ref": "#/$defs/status" },
                "mqtt": { "$ref": "#/$defs/status" }
              }
            },
            "durationsMs": {
              "description": "Time spent in the requirement's tests per transport.",
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "http": { "type": "integer", "minimum": 0 },
                "ws": { "type": "integer", "minimum": 0 },
                "mqtt": { "type": "integer", "minimum": 0 }
              }
            },
            "failures": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["transport", "test", "message", "exchanges", "reproduction"],
                "additionalProperties": false,
                "properties": {
                  "transport": { "$ref": "#/$defs/transport" },
                  "test": { "type": "string" },
                  "message": { "type": "string" },
                  "exchanges": { "type": "array", "description": "The requests and responses that showed the failure." },
                  "expected": { "type": "string", "description": "What the assertion expected, when the message says." },
                  "received": { "type": "string", "description": "What it received, when the message says." },
                  "reproduction": {
                    "type": "string",
                    "description": "The exchanges as copy-paste shell commands; credentials as environment variables ($CONFORM_TOKEN)."
                  },
                  "answer": { "type": "string", "description": "How the server answered: the last exchange's status and error id (what a baseline entry records of a known failure)." }
                }
              }
            },
            "knownBecause": { "type": "string" },
            "notApplicable": { "type": "string", "description": "Why the requirement does not apply to this target: the reasons its skipped tests gave." },
            "baselineMismatch": {
              "description": "Transports where the requirement failed otherwise than its baseline entry records: a new failure, not the known one.",
              "type": "array",
              "items": {
                "type": "object",
                "required": ["transport", "known", "now"],
                "additionalProperties": false,
                "properties": { "transport": { "$ref": "#/$defs/transport" }, "known": { "type": "array", "items": { "type": "string" } }, "now": { "type": "array", "items": { "type": "string" } } }
              }
            }
          }
        }
      }
    },
    "$defs": {
      "transport": { "enum": ["http", "ws", "mqtt"] },
      "status": { "enum": ["passed", "failed", "skipped", "not-tested", "known-deviation"] },
      "verdict": { "enum": ["failed", "warning", "known-deviation", "passed", "skipped", "not-tested"] },
      "verdictCounts": {
        "type": "object",
        "additionalProperties": false,
        "required": ["failed", "warning", "known-deviation", "passed", "skipped", "not-tested"],
        "properties": {
          "failed": { "type": "integer", "minimum": 0 },
          "warning": { "type": "integer", "minimum": 0 },
          "known-deviation": { "type": "integer", "minimum": 0 },
          "passed": { "type": "integer", "minimum": 0 },
          "skipped": { "type": "integer", "minimum": 0 },
          "not-tested": { "type": "integer", "minimum": 0 }
        }
      }
    }
  },
  "target.schema.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/target.schema.json",
    "title": "conform test: a target to certify",
    "description": "The family, its endpoints and the credentials the suite may use to set up its own fixtures. A transport without an endpoint is not tested.",
    "type": "object",
    "required": ["api", "auth"],
    "oneOf": [{ "$ref": "#/$defs/kuzzle" }, { "$ref": "#/$defs/devicehive" }, { "$ref": "#/$defs/userapi" }],
    "properties": {
      "api": { "$ref": "families.schema.json#/$defs/family" },
      "name": { "type": "string" },
      "tenant": { "description": "A tenant of a shared conform mock: the suites reach it through /__tenant/<name>/ before every HTTP and WebSocket path (MQTT has no tenant and is not tested).", "type": "string", "pattern": "^[a-z0-9-]{1,40}$" },
      "http": { "$ref": "#/$defs/url" },
      "ws": { "$ref": "#/$defs/url" },
      "mqtt": { "$ref": "#/$defs/url" },
      "auth": { "type": "object" }
    },
    "$defs": {
      "url": { "type": "string", "format": "uri" },
      "kuzzle": {
        "type": "object",
        "required": ["api", "auth"],
        "additionalProperties": false,
        "properties": {
          "api": { "const": "kuzzle" },
          "name": true,
          "tenant": true,
          "http": { "type": "string", "pattern": "^https?://" },
          "ws": { "type": "string", "pattern": "^wss?://" },
          "mqtt": { "type": "string", "pattern": "^mqtts?://" },
          "auth": {
            "type": "object",
            "required": ["admin"],
            "additionalProperties": false,
            "properties": {
              "admin": {
                "type": "object",
                "required": ["username", "password"],
                "additionalProperties": false,
                "properties": { "username": { "type": "string", "minLength": 1 }, "password": { "type": "string", "minLength": 1 } }
              }
            }
          }
        }
      },
      "devicehive": {
        "type": "object",
        "required": ["api", "auth"],
        "additionalProperties": false,
        "properties": {
          "api": { "const": "devicehive" },
          "name": true,
          "tenant": true,
          "http": { "type": "string", "pattern": "^https?://" },
          "ws": { "type": "string", "pattern": "^wss?://" },
          "mqtt": { "type": "string", "pattern": "^mqtts?://" },
          "auth": {
            "type": "object",
            "required": ["admin"],
            "additionalProperties": false,
            "properties": {
              "admin": {
                "type": "object",
                "required": ["login", "password"],
                "additionalProperties": false,
                "properties": { "login": { "type": "string", "minLength": 1 }, "password": { "type": "string", "minLength": 1 } }
              }
            }
          }
        }
      },
      "userapi": {
        "type": "object",
        "required": ["api", "http", "auth"],
        "additionalProperties": false,
        "properties": {
          "api": { "const": "userapi" },
          "name": true,
          "tenant": true,
          "http": { "type": "string", "pattern": "^https?://" },
          "auth": {
            "type": "object",
            "required": ["users"],
            "additionalProperties": false,
            "properties": {
              "users": {
                "description": "At least two users: e-mail uniqueness needs a second one.",
                "type": "array",
                "minItems": 2,
                "items": {
                  "type": "object",
                  "required": ["token", "email"],
                  "additionalProperties": false,
                  "properties": { "token": { "type": "string", "minLength": 1 }, "email": { "type": "string", "minLength": 3 } }
                }
              }
            }
          }
        }
      }
    }
  },
  "userapi/common.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/userapi/common.json",
    "title": "userapi: the response envelope and shared definitions",
    "description": "The envelope every PUT /api/user/update answer shares, {code, status, ...} (\"code integer HTTP status code (200 for success, 400 for unauthorized)\", \"status string Status of the request: success or error\"), and the definitions shared by the userapi schemas (seed 004_d5b3bdf9b1e41913.txt).",
    "type": "object",
    "required": [
      "code",
      "status"
    ],
    "properties": {
      "code": {
        "$ref": "#/$defs/statusCode"
      },
      "status": {
        "enum": [
          "success",
          "error"
        ]
      }
    },
    "$defs": {
      "alphabeticName": {
        "description": "\"User’s first name (alphabetic characters only)\" / \"User’s last name (alphabetic characters only)\"; \"Required, must contain only alphabetic characters\": at least one letter, nothing but letters (Unicode letters and their combining marks; no digits, spaces or punctuation).",
        "type": "string",
        "minLength": 1,
        "pattern": "^[\\p{L}\\p{M}]+$"
      },
      "email": {
        "description": "\"User’s email address (must be unique)\"; \"must be a valid email format\".",
        "type": "string",
        "format": "email"
      },
      "description": {
        "description": "\"User’s profile description (optional)\".",
        "type": "string"
      },
      "userId": {
        "description": "A user id: \"sub integer User’s ID from the JWT token\".",
        "type": "integer",
        "minimum": 1
      },
      "jwt": {
        "description": "A compact JWS (header.payload.signature, base64url), as issued by POST /api/login.",
        "type": "string",
        "pattern": "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*$"
      },
      "tokenUser": {
        "description": "\"The authenticated user object (from JWT token)\": at least sub and email; implementations may echo further claims (the reference code echoes name, surname, description, image, iat, exp).",
        "type": "object",
        "required": [
          "sub",
          "email"
        ],
        "properties": {
          "sub": {
            "$ref": "#/$defs/userId"
          },
          "email": {
            "$ref": "#/$defs/email"
          }
        }
      },
      "statusCode": {
        "description": "\"code integer HTTP status code (200 for success, 400 for unauthorized)\": equals the HTTP status of the response.",
        "type": "integer",
        "minimum": 100,
        "maximum": 599
      },
      "errorEnvelope": {
        "description": "Error envelope: \"status ... error\", \"message ... Error message (only present when status is error)\"; code is the HTTP status (400 for unauthorized; the document fixes no other error status).",
        "type": "object",
        "required": [
          "code",
          "status",
          "message"
        ],
        "properties": {
          "code": {
            "$ref": "#/$defs/statusCode",
            "type": "integer",
            "minimum": 400
          },
          "status": {
            "const": "error"
          },
          "message": {
            "type": "string"
          }
        }
      }
    }
  },
  "userapi/login.request.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/userapi/login.request.json",
    "title": "userapi POST /api/login (supporting route): request body",
    "description": "Not in the document; the reference code's login (userapi.md §1.2): an application/x-www-form-urlencoded field `json` holding {\"email\",\"password\"} and, to get the decoded claims instead of the token, a getToken (some forks: gettoken) member. Tests use it to obtain a token.",
    "type": "object",
    "required": ["json"],
    "properties": {
      "json": {
        "type": "string",
        "minLength": 1,
        "contentMediaType": "application/json",
        "contentSchema": { "$ref": "#/$defs/credentials" }
      }
    },
    "$defs": {
      "credentials": {
        "type": "object",
        "required": ["email", "password"],
        "properties": {
          "email": { "$ref": "common.json#/$defs/email" },
          "password": { "type": "string", "minLength": 1 },
          "getToken": { "description": "When present (any value), the reference code answers the decoded claims instead of the token." },
          "gettoken": { "description": "The same switch, spelt as in several forks." }
        }
      }
    }
  },
  "userapi/login.response.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/userapi/login.response.json",
    "title": "userapi POST /api/login (supporting route): response body",
    "description": "Not in the document. The reference code answers the bare token as a JSON string, or (getToken) the decoded claims; some forks wrap the token as {status, code, message, jwt} or the claims as {..., decoded}; a failed login is an error envelope (the canonical code sends it with HTTP 200). A test takes the token from the string or from `jwt`.",
    "anyOf": [
      { "$ref": "#/$defs/token" },
      { "$ref": "#/$defs/tokenEnvelope" },
      { "$ref": "#/$defs/claims" },
      { "$ref": "#/$defs/claimsEnvelope" },
      { "$ref": "#/$defs/loginFailure" }
    ],
    "$defs": {
      "token": { "$ref": "common.json#/$defs/jwt" },
      "tokenEnvelope": {
        "type": "object",
        "required": ["jwt"],
        "properties": {
          "status": { "const": "success" },
          "jwt": { "$ref": "common.json#/$defs/jwt" }
        }
      },
      "claims": {
        "description": "The token's claims: sub, email, name, surname (some forks also description, image), iat, exp.",
        "type": "object",
        "required": ["sub", "email"],
        "properties": {
          "sub": { "$ref": "common.json#/$defs/userId" },
          "email": { "type": "string" },
          "iat": { "type": "integer" },
          "exp": { "type": "integer" }
        }
      },
      "claimsEnvelope": {
        "type": "object",
        "required": ["decoded"],
        "properties": {
          "status": { "const": "success" },
          "decoded": { "$ref": "#/$defs/claims" }
        }
      },
      "loginFailure": {
        "type": "object",
        "required": ["status", "code"],
        "properties": {
          "status": { "const": "error" },
          "code": { "anyOf": [{ "type": "integer" }, { "type": "string", "pattern": "^[0-9]{3}$" }] },
          "message": { "type": "string" }
        }
      }
    }
  },
  "userapi/update.fields.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/userapi/update.fields.json",
    "title": "userapi PUT /api/user/update: the fields inside the `json` string",
    "description": "The decoded value of the `json` form field: \"The JSON string should contain the following fields\". name, surname and email are required; description is optional. id, role, password, created_at and remember_token \"are automatically excluded from updates and will be ignored if provided\": they are allowed here and must have no effect. Other keys are not addressed by the document and are not forbidden here.",
    "type": "object",
    "required": ["name", "surname", "email"],
    "properties": {
      "name": { "$ref": "common.json#/$defs/alphabeticName" },
      "surname": { "$ref": "common.json#/$defs/alphabeticName" },
      "email": { "$ref": "common.json#/$defs/email" },
      "description": { "$ref": "common.json#/$defs/description" },
      "id": { "description": "Ignored: \"User ID cannot be changed\"." },
      "role": { "description": "Ignored: \"User role cannot be changed\"." },
      "password": { "description": "Ignored: \"Use a dedicated password change endpoint\"." },
      "created_at": { "description": "Ignored: \"Creation timestamp is immutable\"." },
      "remember_token": { "description": "Ignored: \"Token is managed internally\"." }
    }
  },
  "userapi/update.request.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/userapi/update.request.json",
    "title": "userapi PUT /api/user/update: request body",
    "description": "The body, as application/x-www-form-urlencoded fields (the document's Request Example: only `json`) or as an application/json object (the document's generated curl: `json` plus the same fields as siblings). `json` is required: a JSON string whose decoded value is described by update.fields.json. The sibling fields are what the generated sample shows; the document gives them no meaning of their own beyond the `json` string's fields.",
    "type": "object",
    "required": ["json"],
    "properties": {
      "json": {
        "description": "\"JSON string containing the user fields to update\".",
        "type": "string",
        "minLength": 1,
        "contentMediaType": "application/json",
        "contentSchema": { "$ref": "update.fields.json" }
      },
      "name": { "$ref": "common.json#/$defs/alphabeticName" },
      "surname": { "$ref": "common.json#/$defs/alphabeticName" },
      "email": { "$ref": "common.json#/$defs/email" },
      "description": { "$ref": "common.json#/$defs/description" }
    }
  },
  "userapi/update.response.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/userapi/update.response.json",
    "title": "userapi PUT /api/user/update: response body",
    "description": "{code, status, user:{sub,email}, changes, message}. On success: code 200, status success, user (from the JWT), changes (the fields that were updated), no message (\"only present when status is error\"). On error: code = the HTTP status (400 for unauthorized), status error, message. Extra keys are allowed: the document does not forbid them.",
    "oneOf": [
      { "$ref": "#/$defs/success" },
      { "$ref": "#/$defs/error" }
    ],
    "$defs": {
      "success": {
        "type": "object",
        "required": ["code", "status", "user", "changes"],
        "properties": {
          "code": { "const": 200 },
          "status": { "const": "success" },
          "user": { "$ref": "common.json#/$defs/tokenUser" },
          "changes": { "$ref": "#/$defs/changes" },
          "message": false
        }
      },
      "error": { "$ref": "common.json#/$defs/errorEnvelope" },
      "changes": {
        "description": "\"Object containing the fields that were updated\": the updatable fields with the values stored; never one of the excluded fields (they \"will be ignored if provided\").",
        "type": "object",
        "properties": {
          "name": { "$ref": "common.json#/$defs/alphabeticName" },
          "surname": { "$ref": "common.json#/$defs/alphabeticName" },
          "email": { "$ref": "common.json#/$defs/email" },
          "description": { "$ref": "common.json#/$defs/description" },
          "id": false,
          "role": false,
          "password": false,
          "created_at": false,
          "remember_token": false
        }
      }
    }
  },
  "userapi/user-detail.response.json": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://conform.invalid/schemas/userapi/user-detail.response.json",
    "title": "userapi GET /api/user/detail/{id} (supporting route): response body",
    "description": "Not in the document; the reference code (userapi.md §1.6) answers {code:200, status:success, user:<the users row without password and remember_token>} or, for an unknown id, {code:404, status:error, message|user:<text>}. Tests read a user's stored fields here.",
    "oneOf": [
      { "$ref": "#/$defs/detailSuccess" },
      { "$ref": "#/$defs/detailNotFound" }
    ],
    "$defs": {
      "detailSuccess": {
        "type": "object",
        "required": ["status", "user"],
        "properties": {
          "code": { "const": 200 },
          "status": { "const": "success" },
          "user": { "$ref": "#/$defs/detailUser" }
        }
      },
      "detailNotFound": {
        "type": "object",
        "required": ["status", "code"],
        "properties": {
          "status": { "const": "error" },
          "code": { "type": "integer", "minimum": 400, "maximum": 499 },
          "message": { "type": "string" }
        }
      },
      "detailUser": {
        "description": "The stored row (users: id, name, surname, role, email, password, description, image, created_at, updated_at, remember_token; password and remember_token hidden).",
        "type": "object",
        "required": ["id", "name", "email"],
        "properties": {
          "id": { "$ref": "common.json#/$defs/userId" },
          "name": { "type": "string" },
          "surname": { "type": ["string", "null"] },
          "email": { "type": "string" },
          "role": { "type": ["string", "null"] },
          "description": { "type": ["string", "null"] },
          "image": { "type": ["string", "null"] },
          "created_at": { "type": ["string", "null"] },
          "updated_at": { "type": ["string", "null"] }
        }
      }
    }
  },
};
