export default { fetch: () => Response.json({ errors: "not built yet" }, { status: 501 }) };
