export default { fetch: () => Response.json({ code: 0, message: "Success", request_id: "x", data: {} }) };
