// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SignInPage } from './SignInPage';

const grant = { secret: 's', transferKey: 'k', role: 'viewer' as const, user: 'vera' };

describe('SignInPage', () => {
  it('in single-user mode says how to sign in (the printed link), with no form', () => {
    render(
      <SignInPage
        mode={{ mode: 'single-user', setupRequired: false }}
        message="Open the link Berth printed."
        signIn={vi.fn()}
        onSignedIn={vi.fn()}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Sign in to Berth' })).toBeInTheDocument();
    expect(screen.getByText('Open the link Berth printed.')).toBeInTheDocument();
    expect(screen.queryByLabelText(/Username/)).toBeNull();
  });

  it('signs in with a username and password, and shows a refusal without losing the input', async () => {
    const user = userEvent.setup();
    const signIn = vi
      .fn()
      .mockResolvedValueOnce({ ok: false, message: 'Wrong username or password.' })
      .mockResolvedValueOnce({ ok: true, grant });
    const onSignedIn = vi.fn();
    render(
      <SignInPage
        mode={{ mode: 'accounts', setupRequired: false }}
        message=""
        signIn={signIn}
        onSignedIn={onSignedIn}
      />,
    );
    await user.type(screen.getByLabelText(/Username/), 'vera');
    await user.type(screen.getByLabelText(/^Password/), 'not the password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Wrong username or password.')).toBeInTheDocument();
    expect(screen.getByLabelText(/Username/)).toHaveValue('vera');
    expect(signIn).toHaveBeenLastCalledWith({ username: 'vera', password: 'not the password' });
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(grant));
  });

  it('on first run asks for the setup token and a repeated password, and puts a field error on its field', async () => {
    const user = userEvent.setup();
    const signIn = vi
      .fn()
      .mockResolvedValueOnce({
        ok: false,
        message: 'A password needs at least 12 characters.',
        field: 'password',
      });
    render(
      <SignInPage
        mode={{ mode: 'accounts', setupRequired: true }}
        message=""
        signIn={signIn}
        onSignedIn={vi.fn()}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Set up Berth' })).toBeInTheDocument();
    await user.type(screen.getByLabelText(/Setup token/), 'tok');
    await user.type(screen.getByLabelText(/Username/), 'root');
    await user.type(screen.getByLabelText(/^Password/), 'short');
    await user.type(screen.getByLabelText(/Repeat the password/), 'shorT');
    expect(screen.getByText('The passwords differ.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create admin account' })).toBeDisabled();
    await user.clear(screen.getByLabelText(/Repeat the password/));
    await user.type(screen.getByLabelText(/Repeat the password/), 'short');
    await user.click(screen.getByRole('button', { name: 'Create admin account' }));
    expect(signIn).toHaveBeenCalledWith({ username: 'root', password: 'short', token: 'tok' });
    expect(await screen.findByText('A password needs at least 12 characters.')).toBeInTheDocument();
  });
});
