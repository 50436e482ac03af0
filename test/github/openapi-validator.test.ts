import { describe, expect, it } from 'vitest';
import { openApiErrors, operationOf } from './openapi-validator.ts';

// The validator guards every other test of the GitHub layer, so it must itself be able to fail.
describe('openApiErrors', () => {
  it('accepts a request GitHub describes, with a valid body', () => {
    const request = {
      method: 'PATCH',
      path: '/repos/acme/shop/check-runs/7',
      body: { status: 'completed', conclusion: 'success', output: { title: 't', summary: 's' } },
    };
    expect(operationOf(request)).toBe('checks/update');
    expect(openApiErrors(request)).toEqual([]);
  });

  it('rejects a body value outside the schema, naming the operation and the field', () => {
    const errors = openApiErrors({
      method: 'POST',
      path: '/repos/acme/shop/check-runs',
      body: { name: 'headroom', head_sha: 'abc', conclusion: 'passed' },
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('checks/create');
    expect(errors[0]).toContain('conclusion');
  });

  it('rejects an annotation missing a required field, through the shared component schemas', () => {
    const errors = openApiErrors({
      method: 'PATCH',
      path: '/repos/acme/shop/check-runs/7',
      body: {
        output: { title: 't', summary: 's', annotations: [{ path: 'a', start_line: 1, message: 'm' }] },
      },
    });
    expect(errors.join('\n')).toContain('annotation_level');
  });

  it('rejects paths GitHub does not have, and undeclared or invalid query parameters', () => {
    expect(openApiErrors({ method: 'POST', path: '/repos/acme/shop/pulls/1/checklist' })).toEqual([
      "POST /repos/acme/shop/pulls/1/checklist is not in GitHub's REST API description",
    ]);
    expect(
      openApiErrors({ method: 'GET', path: '/repos/acme/shop/issues/1/comments?perpage=100' })[0],
    ).toContain('undeclared query parameter perpage');
    expect(
      openApiErrors({ method: 'GET', path: '/repos/acme/shop/commits/abc/check-runs?filter=newest' })[0],
    ).toContain('filter=newest');
  });

  it('requires the body an operation requires', () => {
    expect(openApiErrors({ method: 'POST', path: '/repos/acme/shop/issues/1/comments' })[0]).toContain(
      'the body is required',
    );
  });
});
