import { describe, expect, test } from 'vitest';
import { found } from '../testing';

describe('host name', () => {
  test('takes the 8 digits before .deployments. in a host name', () => {
    expect(found('<p>see https://85922823.deployments.pbxact.com/admin</p>')).toEqual([
      'deployment:85922823',
    ]);
    expect(found('<p>85922823.Deployments.Example.net is up</p>')).toEqual(['deployment:85922823']);
  });

  test('needs a host name going on after it', () => {
    expect(found('<p>we have 85922823.deployments. Done</p>')).toEqual([]);
    expect(found('<p>85922823.deployment.pbxact.com</p>')).toEqual([]);
    expect(found('<p>85922823-deployments-pbxact.com</p>')).toEqual([]);
  });

  test('needs exactly 8 digits standing alone', () => {
    expect(found('<p>185922823.deployments.pbxact.com</p>')).toEqual([]);
    expect(found('<p>a85922823.deployments.pbxact.com</p>')).toEqual([]);
    expect(found('<p>1.85922823.deployments.pbxact.com</p>')).toEqual([]);
    expect(found('<p>8592282.deployments.pbxact.com</p>')).toEqual([]);
  });
});
