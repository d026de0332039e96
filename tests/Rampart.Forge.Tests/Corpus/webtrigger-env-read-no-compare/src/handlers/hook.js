const { update } = require('../lib/jira');

exports.handle = async (event) => {
  const project = process.env.TARGET_PROJECT;
  await update(project, JSON.parse(event.body));
  return { statusCode: 200, body: '{}' };
};
